package dev.orden.webhook;

import dev.orden.schedule.Job;
import dev.orden.schedule.JobHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;

/**
 * One attempt of one delivery, as a one-off job: read what to send, post it outside any transaction, then record
 * the outcome and, if it calls for one, schedule the next attempt as a job of its own. A receiver's failure is not
 * the job's: only a failure of Orden's own (the database) makes the scheduler try the job again.
 */
@ApplicationScoped
class WebhookJobs implements JobHandler {

    @Inject
    Webhooks webhooks;

    @Inject
    WebhookSender sender;

    @Override
    public String kind() {
        return Webhooks.JOB_KIND;
    }

    @Override
    public void run(Job job) {
        var deliveryId = UUID.fromString(job.payload().getString("delivery"));
        webhooks.prepare(deliveryId).ifPresent(outgoing -> {
            var attempt = sender.send(outgoing);
            webhooks.recordOutcome(deliveryId, attempt, Instant.now());
        });
    }
}
