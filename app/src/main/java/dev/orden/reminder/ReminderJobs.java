package dev.orden.reminder;

import dev.orden.schedule.Job;
import dev.orden.schedule.JobHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The reminder timers: one-off jobs of kind {@code reminder}, keyed {@code <order>/auto/<kind>[/<minutes>]} for the
 * automatic ones and {@code <order>/remind/<at>/<to>} for a rule's, each due at its reminder's time.
 */
@ApplicationScoped
class ReminderJobs implements JobHandler {

    static final String KIND = "reminder";

    @Inject
    ReminderDelivery delivery;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Job job) {
        delivery.deliver(job.payload());
    }
}
