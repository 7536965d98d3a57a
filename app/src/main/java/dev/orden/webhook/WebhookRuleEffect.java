package dev.orden.webhook;

import dev.orden.workorder.HostEffect;
import dev.orden.workorder.WorkOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * A flow rule's {@code {type: 'webhook', name, payload}}: posts {@code payload} (a JSON object, at most
 * {@value #MAX_PAYLOAD_BYTES} bytes) with the order to the tenant's active webhook {@code name}, enqueued in the
 * change's transaction; refused, saying why, otherwise.
 */
@ApplicationScoped
class WebhookRuleEffect implements HostEffect {

    static final int MAX_PAYLOAD_BYTES = 64 * 1024;

    @Inject
    Webhooks webhooks;

    @Override
    public String type() {
        return "webhook";
    }

    @Override
    public Optional<String> apply(JsonObject effect, WorkOrder order, String rule) {
        if (!(effect.get("name") instanceof jakarta.json.JsonString name) || name.getString().isBlank()) {
            return Optional.of("'name' must name one of the tenant's webhooks");
        }
        var payload = effect.getOrDefault("payload", JsonValue.EMPTY_JSON_OBJECT);
        if (!(payload instanceof JsonObject object)) return Optional.of("'payload' must be a JSON object");
        var size = object.toString().getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_PAYLOAD_BYTES) {
            return Optional.of("'payload' is " + size + " bytes, more than " + MAX_PAYLOAD_BYTES);
        }
        var webhook = webhooks.named(name.getString());
        if (webhook.isEmpty()) return Optional.of("no webhook named '" + name.getString() + "'");
        if (!webhook.get().active()) return Optional.of("webhook '" + name.getString() + "' is disabled");
        webhooks.enqueue(webhook.get(), WebhookEvents.RULE, order, WebhookPayloads.ruleChange(rule, object),
                Instant.now());
        return Optional.empty();
    }
}
