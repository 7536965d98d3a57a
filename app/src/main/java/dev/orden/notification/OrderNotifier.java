package dev.orden.notification;

import dev.orden.config.workflow.StateCategory;
import dev.orden.workorder.Visibility;
import dev.orden.workorder.WorkOrder;
import dev.orden.workorder.WorkOrderChanged;
import dev.orden.workorder.WorkOrderEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * What an order change is to notifications: a new assignee is {@code assigned}, a team replaced by another
 * {@code transferred}, a status change {@code status_changed} (or {@code completed} when the order is resolved), a
 * public comment {@code commented_public}, a breach {@code sla_breached}. Who is told, and how, is the tenant's
 * {@code notifications.json} ({@link NotificationOutbox}); nobody is told of their own change. Runs in the change's
 * transaction, so what must be sent is recorded exactly when the change commits.
 */
@ApplicationScoped
public class OrderNotifier {

    @Inject
    NotificationOutbox outbox;

    void onChange(@Observes WorkOrderChanged change) {
        var order = change.order();
        if (order == null) return;
        change.entries().forEach(entry -> notify(order, entry));
    }

    private void notify(WorkOrder order, WorkOrderEvent entry) {
        switch (entry.kind()) {
            case ASSIGNED -> assigned(order, entry);
            case STATUS_CHANGED -> {
                if (entry.oldValue() == null) return;
                var completed = order.statusCategory() == StateCategory.RESOLVED
                        && entry.newValue() != null && entry.newValue().equals(order.status());
                outbox.announce(order, completed ? "completed" : "status_changed", new NotificationOutbox.Happening(
                        entry.actorId(), entry.actorName(), entry.oldValue(), null, null));
            }
            case COMMENTED -> {
                if (entry.visibility() == Visibility.PUBLIC) {
                    outbox.announce(order, "commented_public", new NotificationOutbox.Happening(entry.actorId(),
                            entry.actorName(), null, null, entry.comment()));
                }
            }
            case TRANSFERRED -> {
                if ("team".equals(entry.field())) transferred(order, entry);
            }
            case SLA_BREACHED -> outbox.announce(order, "sla_breached",
                    NotificationOutbox.Happening.by(entry.actorId(), entry.actorName()));
            default -> { }
        }
    }

    private void assigned(WorkOrder order, WorkOrderEvent entry) {
        if ("assignee".equals(entry.field()) && entry.newValue() != null) {
            outbox.announce(order, "assigned", reasoned(entry));
        } else if ("team".equals(entry.field()) && entry.oldValue() != null && entry.newValue() != null) {
            transferred(order, entry);
        }
    }

    /** The order's team changed (a transfer, or an assignment to another team): its new team is told, with why. */
    private void transferred(WorkOrder order, WorkOrderEvent entry) {
        outbox.announce(order, "transferred", reasoned(entry));
    }

    private static NotificationOutbox.Happening reasoned(WorkOrderEvent entry) {
        return new NotificationOutbox.Happening(entry.actorId(), entry.actorName(), null, entry.comment(), null);
    }
}
