package dev.orden.reminder;

import dev.orden.config.ActiveConfiguration;
import dev.orden.config.WorkOrderTypes;
import dev.orden.config.workflow.Workflow;
import dev.orden.schedule.Jobs;
import dev.orden.workorder.WorkOrder;
import dev.orden.workorder.WorkOrderChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * Keeps an order's automatic reminders in step with it, in the transaction of each change that can alter them
 * (as {@code OrderNotifier} observes the same event): a new due time re-times them, a new assignee gets them, and a
 * resolved or closed order drops every pending reminder, a rule's too. The jobs run on the cluster-safe scheduler
 * ({@link ReminderJobs}).
 */
@ApplicationScoped
class ReminderScheduling {

    @Inject
    ActiveConfiguration configuration;

    @Inject
    Jobs jobs;

    void onChange(@Observes WorkOrderChanged change) {
        var order = change.order();
        if (order == null || !ReminderPlan.relevant(change.entries())) return;
        var settings = configuration.current().map(active -> ReminderSettings.of(active.bundle()))
                .orElse(ReminderSettings.NONE);
        var plan = ReminderPlan.of(state(order), ReminderPlan.assignedAt(change.entries()), settings, Instant.now());
        if (!plan.active()) {
            jobs.cancel(ReminderJobs.KIND, ReminderPlan.prefix(order.id()), List.of());
            return;
        }
        plan.timers().forEach(timer -> jobs.schedule(ReminderJobs.KIND, timer.key(), timer.spec(),
                payload(order, timer), timer.at()));
        jobs.cancel(ReminderJobs.KIND, ReminderPlan.autoPrefix(order.id()), plan.keep());
    }

    private ReminderPlan.Order state(WorkOrder order) {
        var unstarted = Unstarted.is(workflowOf(order), order.status(), order.statusCategory());
        return new ReminderPlan.Order(order.id(), order.assigneeId(), order.statusCategory().isActive(), unstarted,
                order.dueAt(), order.createdAt());
    }

    Workflow workflowOf(WorkOrder order) {
        return configuration.current().flatMap(active -> active.types().workflowOf(order.type()))
                .orElseGet(WorkOrderTypes::fallbackWorkflow);
    }

    private static JsonObject payload(WorkOrder order, ReminderPlan.Timer timer) {
        var json = Json.createObjectBuilder().add("order", order.id().toString()).add("kind", timer.kind().key())
                .add("at", timer.at().toString());
        if (timer.assigneeId() != null) json.add("assignee", timer.assigneeId());
        if (timer.dueAt() != null) json.add("due", timer.dueAt().toString());
        return json.build();
    }
}
