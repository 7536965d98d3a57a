package dev.orden.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * What runs the jobs of one kind: a CDI bean per kind. The scheduler calls it with the job's tenant bound as the
 * current tenant (as a request of the tenant would be, with {@link SchedulerActor} as the user), outside any
 * transaction: the handler makes its own, small ones, and checkpoints its progress in them
 * ({@link Jobs#checkpoint}) when it works in several steps.
 */
public interface JobHandler {

    String kind();

    /** Does the job; throws to have it tried again later (after a backoff, resuming from its progress). */
    void run(Job job) throws Exception;

    /**
     * When a recurring job is due next after this due time (whether it succeeded or was given up on); empty for a
     * one-off job, which is then removed when done, or kept as failed when given up on.
     */
    default Optional<Instant> next(Job job) {
        return Optional.empty();
    }
}
