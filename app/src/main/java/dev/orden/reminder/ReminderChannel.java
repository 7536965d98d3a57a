package dev.orden.reminder;

import dev.orden.notification.Notification;
import dev.orden.notification.Notifications;
import dev.orden.workorder.WorkOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Where a reminder goes: the one place to route it to the tenant's channels and templates once they are
 * configurable ({@code notifications.json}); for now the recipient's in-app inbox, in the sending transaction.
 */
@ApplicationScoped
class ReminderChannel {

    @Inject
    Notifications notifications;

    void send(String recipientId, ReminderKind kind, WorkOrder order, String title, String body) {
        notifications.add(new Notification(recipientId, kind.notification(), order.id(), order.displayNumber(), title,
                body));
    }
}
