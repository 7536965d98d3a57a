package dev.orden.webhook;

import dev.orden.workorder.WorkOrderChanged;
import dev.orden.workorder.WorkOrderEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Enqueues a delivery per active webhook and subscribed event of an order change, in the change's transaction: a
 * change that rolls back sends nothing, one that commits is delivered at least once.
 */
@ApplicationScoped
class WebhookObserver {

    @Inject
    Webhooks webhooks;

    void onChange(@Observes WorkOrderChanged change) {
        if (change.order() == null) return;
        var byEvent = new LinkedHashMap<String, List<WorkOrderEvent>>();
        change.entries().forEach(entry -> WebhookEvents.of(entry.kind())
                .ifPresent(event -> byEvent.computeIfAbsent(event, e -> new ArrayList<>()).add(entry)));
        if (byEvent.isEmpty()) return;
        var now = Instant.now();
        for (var webhook : webhooks.active()) {
            byEvent.forEach((event, entries) -> {
                if (webhook.subscribes(event)) {
                    var body = Json.createObjectBuilder().add("entries", WebhookPayloads.entries(entries)).build();
                    webhooks.enqueue(webhook, event, change.order(), body, now);
                }
            });
        }
    }
}
