package dev.orden.schedule;

/**
 * The job is no longer this claimer's: its lease ran out and another server took it over, or it was rescheduled or
 * removed meanwhile (a new configuration version). Thrown from a checkpoint, it rolls back the step it was part of.
 */
public class LeaseLost extends RuntimeException {

    public LeaseLost(Job job) {
        super("Job " + job.kind() + "/" + job.key() + " of tenant " + job.tenantId() + " is no longer ours");
    }
}
