package dev.orden.notification;

import dev.orden.plugin.notification.DeliveryResult;
import dev.orden.plugin.notification.NotificationChannel;
import dev.orden.plugin.notification.NotificationChannelFactory;
import dev.orden.plugin.spi.PluginSession;
import jakarta.enterprise.inject.spi.CDI;
import java.util.UUID;

/**
 * The built-in {@code inapp} channel: the recipient's inbox ({@code GET /notifications}). It writes to Orden's own
 * database, so it is delivered inside the change's transaction: the notification exists exactly when the change
 * committed. Found by ServiceLoader like any plugin; it reaches the inbox through CDI.
 */
public class InAppChannelFactory implements NotificationChannelFactory {

    public static final String ID = "inapp";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String description() {
        return "The recipient's inbox in Orden, with unread counts";
    }

    @Override
    public boolean deferred() {
        return false;
    }

    @Override
    public NotificationChannel create(PluginSession session) {
        var inbox = CDI.current().select(Notifications.class).get();
        return message -> {
            var orderId = message.orderId() == null ? null : UUID.fromString(message.orderId());
            inbox.add(new Notification(message.recipient().id(), message.event(), orderId, message.orderNumber(),
                    message.subject(), message.text()));
            return DeliveryResult.delivered();
        };
    }
}
