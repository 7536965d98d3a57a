package dev.orden.notification;

import dev.orden.config.TenantSettings;
import dev.orden.shared.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The order as a notification tells of it, taken in the change's transaction (so a later change does not alter
 * what this one says) and stored with the delivery: values, and every name in both languages, picked when the
 * message is rendered for its recipient. {@link #model} is what templates see: strings, a list of fields, nothing
 * with behaviour.
 */
final class OrderSnapshot {

    /** A due time as people read it: in the tenant's time zone ({@code settings.json}), named. */
    static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    private OrderSnapshot() {}

    /** The facts of an order, named by the configuration {@code bundle}. */
    record Facts(String number, String title, String type, String status, String previousStatus, String priority,
                 String assignee, String team, Instant due, String requester, String customFields, String actor,
                 String reason, String comment) {}

    static JsonObject take(Facts facts, JsonObject bundle, String link) {
        var type = find(bundle.get("types"), facts.type());
        var workflow = type.map(t -> t.getString("workflow", null)).flatMap(w -> find(bundle.get("workflows"), w));
        var states = workflow.map(w -> w.get("states")).orElse(null);
        var json = Json.createObjectBuilder();
        put(json, "number", facts.number());
        put(json, "title", facts.title());
        put(json, "type", facts.type());
        json.add("typeName", names(type.map(t -> t.get("name")).orElse(null), facts.type()));
        put(json, "status", facts.status());
        json.add("statusName", names(find(states, facts.status()).map(s -> s.get("name")).orElse(null), facts.status()));
        if (facts.previousStatus() != null) {
            json.add("previousStatusName", names(find(states, facts.previousStatus()).map(s -> s.get("name"))
                    .orElse(null), facts.previousStatus()));
        }
        put(json, "priority", facts.priority());
        put(json, "assignee", facts.assignee());
        put(json, "team", facts.team());
        if (facts.team() != null) {
            json.add("teamName", names(find(bundle.get("teams"), facts.team()).map(t -> t.get("name")).orElse(null),
                    facts.team()));
        }
        put(json, "due", facts.due() == null ? null
                : DUE.withZone(TenantSettings.of(bundle).timeZone()).format(facts.due()));
        put(json, "requester", facts.requester());
        put(json, "actor", facts.actor());
        put(json, "reason", facts.reason());
        put(json, "comment", facts.comment());
        put(json, "link", link);
        json.add("fields", fields(facts.customFields(), bundle));
        return json.build();
    }

    /** The snapshot a requester's message is made of: without the values of internal fields, which are for staff. */
    static JsonObject withoutInternal(JsonObject snapshot) {
        if (!(snapshot.get("fields") instanceof JsonArray fields)) return snapshot;
        var shown = Json.createArrayBuilder();
        fields.getValuesAs(JsonObject.class).stream().filter(item -> !item.getBoolean("internal", false))
                .forEach(shown::add);
        return Json.createObjectBuilder(snapshot).add("fields", shown).build();
    }

    /** What a template sees, in {@code language}, addressed to {@code recipient}. */
    static Map<String, Object> model(JsonObject snapshot, String language, String recipient) {
        var model = new HashMap<String, Object>();
        snapshot.forEach((key, value) -> {
            if (value instanceof JsonString s) model.put(key, s.getString());
            else if (value instanceof JsonObject names && !key.equals("fields")) model.put(key, pick(names, language));
        });
        var fields = new ArrayList<Map<String, Object>>();
        var byKey = new HashMap<String, Object>();
        if (snapshot.get("fields") instanceof JsonArray list) {
            for (var item : list.getValuesAs(JsonObject.class)) {
                var label = item.get("label") instanceof JsonObject names ? pick(names, language) : item.getString("key");
                fields.add(Map.of("key", item.getString("key"), "label", label, "value", item.getString("value")));
                byKey.put(item.getString("key"), item.getString("value"));
            }
        }
        model.put("fields", fields);
        model.put("field", byKey);
        model.putIfAbsent("previousStatusName", "");
        model.put("recipient", recipient == null ? "" : recipient);
        return model;
    }

    private static JsonArray fields(String stored, JsonObject bundle) {
        var list = Json.createArrayBuilder();
        if (stored == null || stored.isBlank()) return list.build();
        JsonObject values;
        try (var reader = Json.createReader(new StringReader(stored))) {
            values = reader.readObject();
        } catch (RuntimeException notAnObject) {
            return list.build();
        }
        values.forEach((key, value) -> {
            var text = text(value);
            if (text.isEmpty()) return;
            var item = Json.createObjectBuilder().add("key", key).add("value", text);
            var definition = find(bundle.get("fields"), key);
            definition.map(f -> f.get("label")).filter(JsonObject.class::isInstance)
                    .ifPresent(label -> item.add("label", label));
            if (definition.map(f -> f.getBoolean("internal", false)).orElse(false)) item.add("internal", true);
            list.add(item);
        });
        return list.build();
    }

    private static String text(JsonValue value) {
        return switch (value) {
            case JsonString s -> s.getString();
            case JsonNumber n -> n.bigDecimalValue().stripTrailingZeros().toPlainString();
            case JsonArray a -> String.join(", ", a.stream().map(OrderSnapshot::text).filter(t -> !t.isEmpty()).toList());
            case JsonObject o when o.get("address") instanceof JsonString address -> address.getString();
            case JsonObject o -> "";
            default -> value.getValueType() == JsonValue.ValueType.NULL ? "" : value.toString();
        };
    }

    private static JsonValue names(JsonValue names, String fallback) {
        if (names instanceof JsonObject object) return object;
        if (names instanceof JsonString text) return Json.createObjectBuilder().add("en", text).build();
        return Json.createObjectBuilder().add("en", fallback == null ? "" : fallback).build();
    }

    private static String pick(JsonObject names, String language) {
        if (names.get(language) instanceof JsonString s) return s.getString();
        if (names.get("en") instanceof JsonString s) return s.getString();
        return names.values().stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString())
                .findFirst().orElse("");
    }

    private static Optional<JsonObject> find(JsonValue items, String key) {
        if (key == null || !(items instanceof JsonArray array)) return Optional.empty();
        return array.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
                .filter(o -> key.equals(o.getString("key", null))).findFirst();
    }

    private static void put(JsonObjectBuilder json, String key, String value) {
        if (value != null) json.add(key, value);
    }
}
