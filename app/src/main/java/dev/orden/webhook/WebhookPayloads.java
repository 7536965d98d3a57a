package dev.orden.webhook;

import dev.orden.workorder.WorkOrder;
import dev.orden.workorder.WorkOrderEvent;
import dev.orden.shared.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The JSON a receiver gets: {@code {id, event, occurredAt, tenant, order, change}} — {@code change} the history
 * entries of the event (field, from, to, comment, actor), or for a flow rule's effect {@code {rule, payload}}.
 */
final class WebhookPayloads {

    private WebhookPayloads() {}

    static String body(UUID deliveryId, String event, Instant occurredAt, String tenant, WorkOrder order,
                       JsonValue change) {
        var json = Json.createObjectBuilder().add("id", deliveryId.toString()).add("event", event)
                .add("occurredAt", occurredAt.toString()).add("tenant", tenant)
                .add("order", order == null ? JsonValue.NULL : summary(order)).add("change", change);
        return json.build().toString();
    }

    static JsonObject summary(WorkOrder order) {
        var json = Json.createObjectBuilder().add("id", order.id().toString()).add("number", order.displayNumber())
                .add("title", order.title());
        add(json, "type", order.type());
        add(json, "status", order.status());
        add(json, "statusCategory", order.statusCategory() == null ? null
                : order.statusCategory().name().toLowerCase(java.util.Locale.ROOT));
        add(json, "priority", order.priority() == null ? null : order.priority().name());
        add(json, "area", order.area());
        add(json, "team", order.team());
        add(json, "assigneeId", order.assigneeId());
        add(json, "requesterId", order.requesterId());
        add(json, "dueAt", order.dueAt());
        add(json, "createdAt", order.createdAt());
        add(json, "updatedAt", order.updatedAt());
        return json.add("version", order.version()).build();
    }

    static JsonArray entries(List<WorkOrderEvent> entries) {
        var array = Json.createArrayBuilder();
        for (var entry : entries) {
            var json = Json.createObjectBuilder().add("kind", entry.kind().name());
            add(json, "field", entry.field());
            add(json, "from", entry.oldValue());
            add(json, "to", entry.newValue());
            add(json, "comment", entry.comment());
            add(json, "visibility", entry.visibility() == null ? null : entry.visibility().name());
            add(json, "actorId", entry.actorId());
            add(json, "actorName", entry.actorName());
            array.add(json.add("at", entry.occurredAt().toString()));
        }
        return array.build();
    }

    static JsonObject ruleChange(String rule, JsonObject payload) {
        return Json.createObjectBuilder().add("rule", rule).add("payload", payload).build();
    }

    private static void add(JsonObjectBuilder json, String key, Object value) {
        if (value != null) json.add(key, value.toString());
    }
}
