package dev.orden.webhook;

import dev.orden.workorder.EventKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The events a webhook subscribes to, one per kind of history entry a person or the scheduler makes; a change
 * with entries of several kinds (an order created already assigned) is one delivery per event. Rule failures and
 * failed automatic assignments are internal notes, not events. {@link #RULE} is what a flow rule's
 * {@code webhook} effect sends, to the webhook it names, whatever it subscribes to.
 */
final class WebhookEvents {

    static final String RULE = "rule.webhook";

    /**
     * A notification routed to the {@code webhook} channel by the tenant's {@code notifications.json}
     * ({@link WebhookChannelFactory}): rendered, for a receiver that passes it on (a chat, an SMS gateway).
     */
    static final String NOTIFICATION = "notification";

    /** What an admin's test sends ({@code POST /admin/webhooks/{id}/ping}). */
    static final String PING = "webhook.ping";

    private static final Map<EventKind, String> BY_KIND = Map.of(
            EventKind.CREATED, "workorder.created",
            EventKind.UPDATED, "workorder.updated",
            EventKind.STATUS_CHANGED, "workorder.transitioned",
            EventKind.ASSIGNED, "workorder.assigned",
            EventKind.COMMENTED, "comment.added",
            EventKind.SLA_BREACHED, "sla.breached");

    static final List<String> SUBSCRIBABLE = List.of("workorder.created", "workorder.updated",
            "workorder.transitioned", "workorder.assigned", "comment.added", "sla.breached", NOTIFICATION);

    private WebhookEvents() {}

    static Optional<String> of(EventKind kind) {
        return Optional.ofNullable(BY_KIND.get(kind));
    }
}
