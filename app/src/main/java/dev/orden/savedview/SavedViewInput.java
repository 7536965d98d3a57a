package dev.orden.savedview;

import dev.orden.shared.problem.FieldError;
import dev.orden.shared.problem.ProblemException;
import dev.orden.shared.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A saved view as the portal sends it: {@code name}, {@code queue} and {@code filters}, the list request's
 * parameters (a string each, or an array of strings for the repeatable ones). Every mistake is reported at once.
 */
record SavedViewInput(String name, String queue, JsonObject filters) {

    static final Set<String> QUEUES = Set.of("all", "unassigned", "mine", "teams", "overdue");
    static final Set<String> FIELDS = Set.of("name", "queue", "filters");
    static final Set<String> PARAMETERS = Set.of("status", "category", "type", "area", "team", "priority", "q",
            "sort", "sla");
    private static final Pattern CUSTOM_FIELD = Pattern.compile("cf\\.[A-Za-z][A-Za-z0-9_]{0,63}(\\.(gte|lte|gt|lt|empty))?");
    static final int MAX_NAME = 100;
    static final int MAX_FILTERS = 20;
    static final int MAX_VALUE = 200;

    static SavedViewInput read(JsonObject body) {
        var errors = new ArrayList<FieldError>();
        body.keySet().stream().filter(k -> !FIELDS.contains(k)).sorted().forEach(k ->
                errors.add(new FieldError(k, "is not a field of a saved view (filters, name, queue)")));
        var name = text(body, "name", errors);
        if (name != null && (name.isEmpty() || name.length() > MAX_NAME)) {
            errors.add(new FieldError("name", "must be 1 to " + MAX_NAME + " characters"));
        }
        var queue = text(body, "queue", errors);
        if (queue != null && !QUEUES.contains(queue)) {
            errors.add(new FieldError("queue", "must be one of " + QUEUES.stream().sorted().toList()));
        }
        var filters = filters(body.get("filters"), errors);
        if (!errors.isEmpty()) throw ProblemException.invalid(errors);
        return new SavedViewInput(name, queue, filters);
    }

    private static String text(JsonObject body, String field, List<FieldError> errors) {
        var value = body.get(field);
        if (value == null || value == JsonValue.NULL) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        if (!(value instanceof JsonString string)) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        return string.getString().strip();
    }

    /** Absent means none; each parameter a known list filter or a custom-field one, its value text. */
    private static JsonObject filters(JsonValue value, List<FieldError> errors) {
        if (value == null || value == JsonValue.NULL) return JsonValue.EMPTY_JSON_OBJECT;
        if (!(value instanceof JsonObject object)) {
            errors.add(new FieldError("filters", "must be an object of list parameters"));
            return null;
        }
        if (object.size() > MAX_FILTERS) {
            errors.add(new FieldError("filters", "must have at most " + MAX_FILTERS + " parameters"));
            return null;
        }
        var clean = Json.createObjectBuilder();
        for (var entry : object.entrySet()) {
            var key = entry.getKey();
            var field = "filters." + key;
            if (!PARAMETERS.contains(key) && !CUSTOM_FIELD.matcher(key).matches()) {
                errors.add(new FieldError(field, "is not a list filter (" + PARAMETERS.stream().sorted().toList()
                        + " or cf.<key>[.gte|.lte|.gt|.lt|.empty])"));
            } else if (entry.getValue() instanceof JsonString s && s.getString().length() <= MAX_VALUE) {
                clean.add(key, s.getString());
            } else if (entry.getValue() instanceof JsonArray array && texts(array)) {
                clean.add(key, array);
            } else {
                errors.add(new FieldError(field, "must be text of at most " + MAX_VALUE
                        + " characters, or an array of such texts"));
            }
        }
        return clean.build();
    }

    private static boolean texts(JsonArray array) {
        return array.size() <= MAX_FILTERS && array.stream()
                .allMatch(v -> v instanceof JsonString s && s.getString().length() <= MAX_VALUE);
    }
}
