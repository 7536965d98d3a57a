package dev.orden.notification;

import dev.orden.config.workflow.StateCategory;
import dev.orden.workorder.EventKind;
import dev.orden.workorder.TeamMembers;
import dev.orden.workorder.WorkOrder;
import dev.orden.workorder.WorkOrderChanged;
import dev.orden.workorder.WorkOrderEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Objects;

/**
 * Who is told what about an order change (defaults in code until tenants configure it): the new assignee on
 * assignment, the requester on a status change and on completion, the new team's members on a transfer. Nobody is
 * told of their own change. Runs in the change's transaction, so a notification exists exactly when the change
 * committed.
 */
@ApplicationScoped
public class OrderNotifier {

    @Inject
    Notifications notifications;

    @Inject
    TeamMembers teams;

    void onChange(@Observes WorkOrderChanged change) {
        var order = change.order();
        if (order == null) return;
        change.entries().forEach(event -> notify(order, event));
    }

    private void notify(WorkOrder order, WorkOrderEvent event) {
        if (event.kind() == EventKind.ASSIGNED && "assignee".equals(event.field()) && event.newValue() != null) {
            send(order.assigneeId(), event, order, "assigned",
                    "Assigned to you: " + order.displayNumber(), order.title());
        } else if (event.kind() == EventKind.TRANSFERRED && "team".equals(event.field())) {
            teams.of(event.newValue()).forEach(member -> send(member.userId().toString(), event, order, "transferred",
                    order.displayNumber() + " transferred to your team", event.comment()));
        } else if (event.kind() == EventKind.STATUS_CHANGED && event.oldValue() != null) {
            var completed = order.statusCategory() == StateCategory.RESOLVED;
            send(order.requesterId(), event, order, completed ? "completed" : "status_changed",
                    order.displayNumber() + (completed ? " completed" : " is now " + event.newValue()),
                    order.title());
        }
    }

    private void send(String recipientId, WorkOrderEvent event, WorkOrder order, String kind, String title,
                      String body) {
        if (recipientId == null || Objects.equals(recipientId, event.actorId())) return;
        notifications.add(new Notification(recipientId, kind, order.id(), order.displayNumber(), title, body));
    }
}
