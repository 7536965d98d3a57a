package dev.orden.reminder;

import dev.orden.config.ActiveConfiguration;
import dev.orden.shared.persistence.TenantEntityManager;
import dev.orden.workorder.WorkOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A reminder's time reached, in one transaction: the order is read again and the reminder sent only if it still
 * holds (the order open, the kind still enabled, the same due time or assignee it was set for), and only if
 * {@code reminder_sent} takes its row, so that a retried or doubly-run job sends nothing twice.
 */
@ApplicationScoped
class ReminderDelivery {

    @Inject
    TenantEntityManager tenantEm;

    @Inject
    ActiveConfiguration configuration;

    @Inject
    Recipients recipients;

    @Inject
    ReminderChannel channel;

    @Inject
    ReminderScheduling scheduling;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void deliver(JsonObject payload) {
        var kind = ReminderKind.byKey(payload.getString("kind", "")).orElse(null);
        var order = tenantEm.em().find(WorkOrder.class, UUID.fromString(payload.getString("order")));
        if (kind == null || order == null || !order.statusCategory().isActive()) return;
        var settings = configuration.current().map(active -> ReminderSettings.of(active.bundle()))
                .orElse(ReminderSettings.NONE);
        if (!settings.sends(kind)) return;
        var at = Instant.parse(payload.getString("at"));
        var to = recipientsOf(kind, order, payload);
        if (to.isEmpty() || !firstTime(order.id(), kind, at, payload.getString("to", ""))) return;
        channel.send(to.stream().distinct().toList(), kind, order, payload.getString("message", null));
    }

    private List<String> recipientsOf(ReminderKind kind, WorkOrder order, JsonObject payload) {
        return switch (kind) {
            case ASSIGNED -> Objects.equals(order.assigneeId(), payload.getString("assignee", null))
                    && Unstarted.is(scheduling.workflowOf(order), order.status(), order.statusCategory())
                    ? recipients.of(order, Recipients.ASSIGNEE) : List.of();
            case DUE_SOON, OVERDUE -> sameTime(order.dueAt(), payload.getString("due", null))
                    ? recipients.of(order, Recipients.ASSIGNEE) : List.of();
            case UNASSIGNED_TIMEOUT -> order.assigneeId() == null ? recipients.dispatchers() : List.of();
            case RULE -> recipients.of(order, payload.getString("to", ""));
        };
    }

    /** The due time the reminder was set for, as stored (the database keeps microseconds). */
    static boolean sameTime(Instant current, String planned) {
        return current != null && planned != null
                && Duration.between(current, Instant.parse(planned)).abs().compareTo(Duration.ofMillis(1)) < 0;
    }

    /** Takes the reminder's row; false when it was sent already. */
    private boolean firstTime(UUID orderId, ReminderKind kind, Instant at, String audience) {
        return tenantEm.em().createNativeQuery("""
                INSERT INTO reminder_sent (tenant_id, work_order_id, kind, target_at, audience)
                VALUES (current_setting('app.tenant_id')::uuid, ?1::uuid, ?2, ?3, ?4) ON CONFLICT DO NOTHING""")
                .setParameter(1, orderId.toString()).setParameter(2, kind.key()).setParameter(3, Timestamp.from(at))
                .setParameter(4, audience).executeUpdate() == 1;
    }
}
