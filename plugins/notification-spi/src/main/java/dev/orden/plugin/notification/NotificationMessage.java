package dev.orden.plugin.notification;

import java.util.Objects;

/**
 * One notification rendered for one recipient, in their language: what happened ({@code event}: {@code assigned},
 * {@code status_changed}, …), to which order, the subject, the body as plain text and as HTML (values escaped), and
 * the link to the order in the portal. {@code deliveryId} is the same on every attempt of this message.
 */
public record NotificationMessage(String deliveryId, String tenantId, String event, String orderId,
                                  String orderNumber, Recipient recipient, String subject, String text, String html,
                                  String link) {

    public NotificationMessage {
        Objects.requireNonNull(deliveryId);
        Objects.requireNonNull(tenantId);
        Objects.requireNonNull(event);
        Objects.requireNonNull(recipient);
        subject = subject == null ? "" : subject;
        text = text == null ? "" : text;
    }
}
