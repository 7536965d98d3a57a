package dev.orden.rules.sandbox;

import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Idle contexts per tenant: a context only ever goes back to the tenant it was made for, at most
 * {@code contextsPerTenant} wait per tenant and {@code pooledContexts} in all; the rest are closed. Taking one when
 * none waits makes a new one, so concurrency is bounded by the callers' threads, not by the pool.
 */
final class ContextPools implements AutoCloseable {

    private final ContextFactory factory;
    private final int perTenant;
    private final int total;
    private final Map<UUID, Queue<SandboxContext>> idle = new ConcurrentHashMap<>();
    private final AtomicInteger pooled = new AtomicInteger();

    ContextPools(ContextFactory factory, int perTenant, int total) {
        this.factory = factory;
        this.perTenant = perTenant;
        this.total = total;
    }

    /** An idle context of the tenant with this statement limit (the limit is fixed when a context is made). */
    SandboxContext take(UUID tenantId, long statementLimit) {
        var queue = idle.get(tenantId);
        SandboxContext context;
        while (queue != null && (context = queue.poll()) != null) {
            pooled.decrementAndGet();
            if (context.statementLimit() == statementLimit) return context;
            context.close();
        }
        return factory.create(tenantId, statementLimit);
    }

    /** Back to its tenant's pool, or closed when the pool is full. Only healthy contexts may come back. */
    void give(SandboxContext context) {
        if (perTenant == 0) {
            context.close();
            return;
        }
        var queue = idle.computeIfAbsent(context.tenantId(), id -> new ArrayBlockingQueue<>(perTenant));
        if (pooled.incrementAndGet() > total || !queue.offer(context)) {
            pooled.decrementAndGet();
            context.close();
        }
    }

    /** Closes a tenant's idle contexts (its rules changed, or the tenant is gone). */
    void forget(UUID tenantId) {
        var queue = idle.remove(tenantId);
        if (queue == null) return;
        SandboxContext context;
        while ((context = queue.poll()) != null) {
            pooled.decrementAndGet();
            context.close();
        }
    }

    int idleContexts(UUID tenantId) {
        var queue = idle.get(tenantId);
        return queue == null ? 0 : queue.size();
    }

    @Override
    public void close() {
        idle.keySet().forEach(this::forget);
    }
}
