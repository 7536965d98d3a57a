package dev.orden.workorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.InContainerDeployment;
import dev.orden.Transactions;
import dev.orden.tenant.Tenant;
import dev.orden.tenant.TestTenants;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Work-order numbers ({@link WorkOrderRepository#nextNumber()}) inside the server, as a create request takes them:
 * per tenant, unique and gap-free when many transactions ask at once.
 */
@ExtendWith(ArquillianExtension.class)
class WorkOrderNumberingInContainerIT {

    private static final int CONCURRENT = 16;

    @Deployment
    static WebArchive deployment() {
        return InContainerDeployment.create(WorkOrderNumberingInContainerIT.class);
    }

    @Inject
    WorkOrderRepository repository;

    @Inject
    TestTenants tenants;

    @Inject
    Instance<RequestContextController> requestContexts;

    @Inject
    UserTransaction tx;

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();

    @Test
    void numbersArePerTenantUniqueAndGapFreeUnderConcurrency() throws Exception {
        var a = tenants.create("a");
        var b = tenants.create("b");

        // 16 transactions for A at once (the pool has 20 connections), each holding its number for a moment
        // before committing, so they queue on the counter row.
        var start = new CountDownLatch(1);
        var threads = Executors.newFixedThreadPool(CONCURRENT);
        var numbers = new ArrayList<Long>();
        try {
            var pending = new ArrayList<Future<Long>>();
            for (int i = 0; i < CONCURRENT; i++) {
                pending.add(threads.submit(() -> {
                    start.await();
                    return takeNumber(a, true, 20);
                }));
            }
            start.countDown();
            for (var number : pending) numbers.add(number.get(2, TimeUnit.MINUTES));
        } finally {
            threads.shutdownNow();
        }
        numbers.sort(null);
        assertEquals(LongStream.rangeClosed(1, CONCURRENT).boxed().toList(), numbers,
                "A's concurrent transactions get exactly 1.." + CONCURRENT);
        assertTrue(mostInFlight.get() > 1, "the transactions must really have overlapped (most at once: "
                + mostInFlight.get() + ")");

        // Gap-free: a transaction that rolls back gives its number back.
        assertEquals(CONCURRENT + 1, takeNumber(a, false, 0));
        assertEquals(CONCURRENT + 1, takeNumber(a, true, 0));

        // B's numbering is its own, and A's goes on where it was.
        assertEquals(List.of(1L, 2L), List.of(takeNumber(b, true, 0), takeNumber(b, true, 0)));
        assertEquals(CONCURRENT + 2, takeNumber(a, true, 0));
    }

    /**
     * One number in its own transaction, for {@code tenant}, the way WorkOrderService takes it: inside a request
     * (activated here on worker threads) whose tenant context is resolved.
     */
    private long takeNumber(Tenant tenant, boolean commit, long holdMillis) throws Exception {
        var requestContext = requestContexts.get();
        var activated = requestContext.activate();
        try {
            tx.begin();
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                tenants.actAs(tenant);
                var number = repository.nextNumber();
                Thread.sleep(holdMillis);
                if (commit) tx.commit();
                else tx.rollback();
                return number;
            } catch (Exception | Error e) {
                Transactions.rollbackIfActive(tx);
                throw e;
            } finally {
                inFlight.decrementAndGet();
            }
        } finally {
            if (activated) requestContext.deactivate();
            requestContexts.destroy(requestContext);
        }
    }
}
