package dev.orden.webhook;

import dev.orden.plugin.notification.DeliveryResult;
import dev.orden.plugin.notification.NotificationChannel;
import dev.orden.plugin.notification.NotificationChannelFactory;
import dev.orden.plugin.notification.NotificationMessage;
import dev.orden.plugin.spi.PluginSession;
import jakarta.enterprise.inject.spi.CDI;
import dev.orden.shared.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.UUID;

/**
 * The built-in {@code webhook} channel: a notification the tenant routes to it ({@code notifications.json}) is
 * handed to its webhooks subscribed to {@code notification}, rendered (subject, text, recipient, language), and
 * from there signed, retried and logged like every webhook delivery (docs/webhooks.md). Found by ServiceLoader
 * like any plugin; it reaches the webhooks through CDI.
 */
public class WebhookChannelFactory implements NotificationChannelFactory {

    public static final String ID = "webhook";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String description() {
        return "The tenant's webhooks subscribed to 'notification' (a chat, an SMS gateway)";
    }

    @Override
    public NotificationChannel create(PluginSession session) {
        var webhooks = CDI.current().select(Webhooks.class).get();
        return message -> webhooks.notification(message.orderId() == null ? null : UUID.fromString(message.orderId()),
                body(message).build()) > 0 ? DeliveryResult.delivered()
                : DeliveryResult.failed("no active webhook subscribes to 'notification'", false);
    }

    static JsonObjectBuilder body(NotificationMessage message) {
        var recipient = message.recipient();
        var to = Json.createObjectBuilder().add("id", recipient.id());
        if (recipient.email() != null) to.add("email", recipient.email());
        if (recipient.name() != null) to.add("name", recipient.name());
        var body = Json.createObjectBuilder().add("notification", message.event()).add("deliveryId", message.deliveryId())
                .add("recipient", to).add("language", recipient.language()).add("subject", message.subject())
                .add("text", message.text());
        if (message.link() != null) body.add("link", message.link());
        return body;
    }
}
