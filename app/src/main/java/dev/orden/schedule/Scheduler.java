package dev.orden.schedule;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This server's share of the jobs: every {@code poll-interval} it claims as many due jobs as it has free slots
 * ({@code batch-size}) and runs each on Liberty's managed executor. Several servers poll the same table; the claim
 * gives each job to one of them (see {@link JobClaims}).
 */
@ApplicationScoped
public class Scheduler {

    private static final Logger LOG = Logger.getLogger(Scheduler.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    SchedulerSettings settings;

    @Inject
    JobClaims claims;

    @Inject
    JobWorker worker;

    private final AtomicBoolean backlog = new AtomicBoolean();
    private Semaphore slots;
    private volatile ScheduledFuture<?> polling;

    synchronized void start() {
        if (polling != null) return;
        slots = new Semaphore(settings.batchSize());
        long every = settings.pollInterval().toMillis();
        polling = executor.scheduleWithFixedDelay(this::pollQuietly, every, every, TimeUnit.MILLISECONDS);
        LOG.info(() -> "Scheduler polling every " + settings.pollInterval() + " for " + worker.kinds()
                + ", up to " + settings.batchSize() + " jobs at once");
    }

    @PreDestroy
    synchronized void stop() {
        if (polling != null) polling.cancel(false);
        polling = null;
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Polling for jobs failed: " + e.getMessage(), e);
        }
    }

    /** Claims what fits in the free slots and hands each job to the executor; returns how many it claimed. */
    int poll() {
        int free = slots.drainPermits();
        int claimed = 0;
        try {
            for (var job : claims.claim(worker.kinds(), free, settings.lease())) {
                claimed++;
                executor.execute(() -> run(job));
            }
        } finally {
            slots.release(free - claimed);
        }
        if (free > 0) backlog.set(claimed == free);
        return claimed;
    }

    /**
     * Runs the job and frees its slot; while the last poll filled every free slot (more may be due), a freed slot
     * polls again at once rather than after {@code poll-interval}, so that a burst of due jobs (a thousand SLA
     * timers at nine in the morning) is worked off at the pace the jobs run, not batch-size per interval.
     */
    private void run(ClaimedJob job) {
        try {
            worker.run(job);
        } finally {
            slots.release();
            if (backlog.get() && polling != null) {
                try {
                    executor.execute(this::pollQuietly);
                } catch (RejectedExecutionException stopping) {
                    LOG.fine("not polling again: the executor is stopping");
                }
            }
        }
    }
}
