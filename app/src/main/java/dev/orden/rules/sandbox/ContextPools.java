package dev.orden.rules.sandbox;

import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Idle contexts per tenant: a context only ever goes back to the tenant it was made for, at most
 * {@code contextsPerTenant} wait per tenant and {@code pooledContexts} in all; the rest are closed. Taking one when
 * none waits makes a new one, so concurrency is bounded by the callers' threads, not by the pool.
 * <p>
 * A new hardened context costs ~0.4 ms warm and milliseconds cold (docs/performance.md), so a tenant whose pool runs
 * low — a burst, a context lost to a limit violation — gets {@code spareContexts} more made ahead by one background
 * thread, with the programs of its recent rules loaded and the helpers run once, so that its next evaluations pay a
 * fraction of it.
 */
final class ContextPools implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ContextPools.class.getName());
    private static final int RECENT_RULES = 32;

    private final ContextFactory factory;
    private final int perTenant;
    private final int total;
    private final int spare;
    private final Map<UUID, Queue<SandboxContext>> idle = new ConcurrentHashMap<>();
    private final AtomicInteger pooled = new AtomicInteger();
    /** The rules each tenant ran lately: a spare context is made with their programs loaded. */
    private final Map<UUID, Set<SandboxRule>> recentRules = new ConcurrentHashMap<>();
    /** Tenants being topped up: a run only gives its contexts while its token is still there ({@link #forget}). */
    private final Map<UUID, Object> toppingUp = new ConcurrentHashMap<>();
    /**
     * Runs in a spare context what its first evaluation would otherwise pay for (the helpers' first calls); false
     * when the context did not come out of it healthy.
     */
    private final Predicate<SandboxContext> warm;
    private final ExecutorService maker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("orden-rules-contexts").priority(Thread.MIN_PRIORITY).factory());

    ContextPools(ContextFactory factory, int perTenant, int total, int spare, Predicate<SandboxContext> warm) {
        this.factory = factory;
        this.warm = warm;
        this.perTenant = perTenant;
        this.total = total;
        this.spare = Math.min(spare, perTenant);
    }

    /** An idle context of the tenant with this statement limit (the limit is fixed when a context is made). */
    SandboxContext take(UUID tenantId, long statementLimit, SandboxRule rule) {
        if (spare > 0) remember(tenantId, rule);
        var queue = idle.get(tenantId);
        SandboxContext context;
        try {
            while (queue != null && (context = queue.poll()) != null) {
                pooled.decrementAndGet();
                if (context.statementLimit() == statementLimit) return context;
                context.close();
            }
            return factory.create(tenantId, statementLimit);
        } finally {
            topUp(tenantId, statementLimit);
        }
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

    /** Makes contexts ahead in the background until the tenant has its spare ones idle (one run per tenant). */
    private void topUp(UUID tenantId, long statementLimit) {
        var token = new Object();
        if (spare == 0 || idleContexts(tenantId) >= spare || toppingUp.putIfAbsent(tenantId, token) != null) return;
        try {
            maker.execute(() -> {
                try {
                    while (toppingUp.get(tenantId) == token && idleContexts(tenantId) < spare && pooled.get() < total) {
                        var context = factory.create(tenantId, statementLimit);
                        recentRules.getOrDefault(tenantId, Set.of()).forEach(context::program);
                        if (!warm.test(context)) {
                            context.close();
                            break;
                        }
                        if (toppingUp.get(tenantId) == token) give(context); else context.close();
                    }
                } catch (RuntimeException e) {
                    if (!maker.isShutdown()) LOG.log(Level.WARNING, "could not make a spare rule context", e);
                } finally {
                    toppingUp.remove(tenantId, token);
                }
            });
        } catch (RejectedExecutionException closing) {
            toppingUp.remove(tenantId, token);
        }
    }

    private void remember(UUID tenantId, SandboxRule rule) {
        var rules = recentRules.computeIfAbsent(tenantId, id -> ConcurrentHashMap.newKeySet());
        if (rules.size() >= RECENT_RULES) rules.clear();
        rules.add(rule);
    }

    /** Closes a tenant's idle contexts (the tenant is gone, or its contexts must be made anew). */
    void forget(UUID tenantId) {
        toppingUp.remove(tenantId);
        recentRules.remove(tenantId);
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
        maker.shutdownNow();
        idle.keySet().forEach(this::forget);
    }
}
