package dev.orden.reminder;

import dev.orden.notification.NotificationOutbox;
import dev.orden.workorder.WorkOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Where a reminder goes: to the recipients the reminder chose, by the channels and templates of the tenant's
 * {@code notifications.json} for its event ({@code reminder}, or {@code unassigned_timeout}), in the sending
 * transaction. A rule's own message travels as the notification's comment.
 */
@ApplicationScoped
class ReminderChannel {

    @Inject
    NotificationOutbox outbox;

    void send(List<String> recipients, ReminderKind kind, WorkOrder order, String message) {
        var routedAs = kind == ReminderKind.UNASSIGNED_TIMEOUT ? "unassigned_timeout" : "reminder";
        outbox.remind(order, routedAs, kind.notification(), recipients, message);
    }
}
