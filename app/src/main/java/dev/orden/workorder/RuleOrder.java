package dev.orden.workorder;

import dev.orden.identity.CurrentUser;
import dev.orden.rules.RuleInput;
import dev.orden.shared.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.time.Instant;

/** A work order as a flow rule sees it: the {@code order} of a {@link RuleInput}. */
final class RuleOrder {

    private RuleOrder() {}

    /** The input of a rule on {@code event} about {@code order}, live. */
    static JsonObject input(String event, WorkOrder order, JsonObject change, CurrentUser actor, JsonObject bundle) {
        return RuleInput.of(event, json(order), change, RuleInput.actor(actor), Instant.now(), bundle);
    }

    static JsonObject json(WorkOrder order) {
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
        if (order.visit() != null) {
            json.add("scheduledStart", order.visit().start().toString()).add("scheduledEnd", order.visit().end().toString());
        }
        if (order.assigneeId() != null) json.add("assignee", person(order.assigneeId(), order.assigneeName()));
        json.add("requester", person(order.requesterId(), order.requesterName()));
        return json.build();
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
