package dev.orden.sla;

import dev.orden.schedule.Job;
import dev.orden.schedule.JobHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * The SLA timers: jobs of kind {@code sla}, one per order, target and stage ({@code <order>/<target>/warning|breach}),
 * whose spec is the due time they were set for. A resumed clock re-schedules them with its new due time; a job whose
 * due time is no longer the clock's, or whose clock was met or is paused, does nothing when it runs.
 */
@ApplicationScoped
class SlaJobs implements JobHandler {

    static final String KIND = "sla";

    enum Stage { WARNING, BREACH }

    @Inject
    SlaDue due;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Job job) {
        var payload = job.payload();
        due.reached(UUID.fromString(payload.getString("order")), SlaTarget.of(payload.getString("target")),
                Stage.valueOf(payload.getString("stage").toUpperCase(Locale.ROOT)), Instant.parse(payload.getString("due")));
    }

    static String key(UUID orderId, SlaTarget target, Stage stage) {
        return orderId + "/" + target.key() + "/" + stage.name().toLowerCase(Locale.ROOT);
    }

    static JsonObject payload(UUID orderId, SlaTarget target, Stage stage, Instant dueAt) {
        return Json.createObjectBuilder().add("order", orderId.toString()).add("target", target.key())
                .add("stage", stage.name().toLowerCase(Locale.ROOT)).add("due", dueAt.toString()).build();
    }
}
