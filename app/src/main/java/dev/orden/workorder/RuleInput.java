package dev.orden.workorder;

import dev.orden.identity.CurrentUser;
import dev.orden.identity.Role;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;

/**
 * What a flow rule receives: plain data, never an object of Orden's. {@code event}, {@code order} (as the API shows
 * it, custom fields included), {@code change} (what the event is about: the patch, the transition, the comment),
 * {@code actor} (who made the change), {@code now}, and the tenant's {@code teams} and {@code areas}.
 */
final class RuleInput {

    private RuleInput() {}

    static JsonObject of(String event, WorkOrder order, JsonObject change, CurrentUser actor, JsonObject bundle) {
        return Json.createObjectBuilder()
                .add("event", event)
                .add("order", order(order))
                .add("change", change == null ? JsonValue.EMPTY_JSON_OBJECT : change)
                .add("actor", actor(actor))
                .add("now", Instant.now().toString())
                .add("teams", bundle.getOrDefault("teams", JsonValue.EMPTY_JSON_ARRAY))
                .add("areas", bundle.getOrDefault("areas", JsonValue.EMPTY_JSON_ARRAY))
                .build();
    }

    /** The input of a scheduled rule that selects no orders: the same, without {@code order}. */
    static JsonObject withoutOrder(String event, JsonObject change, CurrentUser actor, JsonObject bundle) {
        return Json.createObjectBuilder()
                .add("event", event)
                .add("change", change)
                .add("actor", actor(actor))
                .add("now", Instant.now().toString())
                .add("teams", bundle.getOrDefault("teams", JsonValue.EMPTY_JSON_ARRAY))
                .add("areas", bundle.getOrDefault("areas", JsonValue.EMPTY_JSON_ARRAY))
                .build();
    }

    static JsonObject order(WorkOrder order) {
        var json = Json.createObjectBuilder()
                .add("id", order.id().toString())
                .add("number", order.displayNumber())
                .add("title", order.title())
                .add("type", order.type())
                .add("priority", order.priority().name())
                .add("status", order.status())
                .add("statusCategory", order.statusCategory().key())
                .add("customFields", Json.createReader(new StringReader(order.customFields())).readObject());
        optional(json, "description", order.description());
        optional(json, "area", order.area());
        optional(json, "team", order.team());
        optional(json, "dueAt", order.dueAt());
        optional(json, "createdAt", order.createdAt());
        if (order.assigneeId() != null) json.add("assignee", person(order.assigneeId(), order.assigneeName()));
        json.add("requester", person(order.requesterId(), order.requesterName()));
        return json.build();
    }

    private static JsonObject actor(CurrentUser user) {
        var roles = Json.createArrayBuilder();
        user.roles().stream().map(Role::roleName).sorted().forEach(roles::add);
        return Json.createObjectBuilder().add("id", user.id()).add("name", user.displayName()).add("roles", roles)
                .build();
    }

    private static JsonObject person(String id, String name) {
        var json = Json.createObjectBuilder().add("id", id);
        optional(json, "name", name);
        return json.build();
    }

    private static void optional(JsonObjectBuilder json, String name, Object value) {
        if (value != null) json.add(name, value.toString());
    }
}
