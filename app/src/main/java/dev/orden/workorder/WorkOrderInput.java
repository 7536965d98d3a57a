package dev.orden.workorder;

import dev.orden.shared.problem.FieldError;
import dev.orden.shared.problem.ProblemException;
import dev.orden.shared.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads work-order fields from request JSON, collecting every problem with its field name before failing once.
 * Only the generic shape of custom-field values is checked here (an object, key syntax, size limits); their rules per
 * work-order type come from the tenant's active configuration ({@link WorkOrderConfiguration}).
 */
final class WorkOrderInput {

    static final int TITLE_MAX = 200;
    static final int DESCRIPTION_MAX = 20_000;
    static final int CUSTOM_FIELDS_MAX = 100;
    static final int CUSTOM_FIELDS_JSON_MAX = 32_768;
    static final String DEFAULT_TYPE = "general";
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    private static final Pattern FIELD_KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,63}");
    private static final Set<String> CREATE_FIELDS = Set.of("title", "description", "type", "priority", "area",
            "dueAt", "customFields", "requesterId", "assignee", "team");
    private static final Set<String> PATCH_FIELDS = Set.of("title", "description", "type", "priority", "area",
            "dueAt", "customFields", "version", Visit.START, Visit.END);

    private final List<FieldError> errors = new ArrayList<>();
    private final JsonObject json;

    private WorkOrderInput(JsonObject json) {
        this.json = json;
    }

    static WorkOrderDraft draft(JsonObject json) {
        var input = new WorkOrderInput(json);
        input.rejectUnknown(CREATE_FIELDS, "");
        var title = input.text("title", TITLE_MAX, true);
        var description = input.text("description", DESCRIPTION_MAX, false);
        var type = input.key("type");
        var priority = input.priority();
        var area = input.text("area", 100, false);
        var dueAt = input.instant("dueAt");
        var custom = input.customFields(JsonValue.EMPTY_JSON_OBJECT);
        input.text("requesterId", 64, false);
        input.text("assignee", 64, false);
        input.text("team", 100, false);
        input.failIfAny();
        return new WorkOrderDraft(title, description, type == null ? DEFAULT_TYPE : type,
                priority == null ? Priority.NORMAL : priority, area, dueAt, custom.toString());
    }

    static WorkOrderChanges changes(JsonObject patch, WorkOrder current) {
        var input = new WorkOrderInput(patch);
        input.rejectUnknown(PATCH_FIELDS, " (status, assignee and team change through transitions and assignment)");
        Optional<String> title = patch.containsKey("title") ? Optional.ofNullable(input.text("title", TITLE_MAX, true)) : Optional.empty();
        var description = input.clearable("description", () -> input.text("description", DESCRIPTION_MAX, false));
        var type = input.notClearable("type", () -> input.key("type"));
        var priority = input.notClearable("priority", input::priority);
        var area = input.clearable("area", () -> input.text("area", 100, false));
        var dueAt = input.clearable("dueAt", () -> input.instant("dueAt"));
        Optional<String> customFields = Optional.empty();
        var customChanges = new ArrayList<WorkOrderChanges.CustomFieldChange>();
        if (patch.containsKey("customFields")) {
            var before = Json.createReader(new java.io.StringReader(current.customFields())).readObject();
            var after = input.customFields(before);
            for (var key : union(before.keySet(), after.keySet())) {
                var old = before.get(key);
                var now = after.get(key);
                if (old == null ? now != null : !old.equals(now)) {
                    customChanges.add(new WorkOrderChanges.CustomFieldChange(key, text(old), text(now)));
                }
            }
            customFields = Optional.of(after.toString());
        }
        var visit = Visit.read(patch, current.visit(), input.errors);
        input.failIfAny();
        return new WorkOrderChanges(title, description, type, priority, area, dueAt, customFields, customChanges,
                visit);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static String text(JsonValue value) {
        if (value == null) return null;
        return value instanceof JsonString s ? s.getString() : value.toString();
    }

    private void rejectUnknown(Set<String> allowed, String hint) {
        json.keySet().stream().filter(k -> !allowed.contains(k)).sorted()
                .forEach(k -> errors.add(new FieldError(k, "is not a field that can be set here" + hint)));
    }

    private <T> Optional<Optional<T>> clearable(String field, java.util.function.Supplier<T> read) {
        if (!json.containsKey(field)) return Optional.empty();
        return Optional.of(Optional.ofNullable(read.get()));
    }

    /**
     * A field a patch may change but not clear: absent leaves it alone; null or blank is an error, unless reading
     * it already reported a more precise one.
     */
    private <T> Optional<T> notClearable(String field, java.util.function.Supplier<T> read) {
        if (!json.containsKey(field)) return Optional.empty();
        int reported = errors.size();
        var value = read.get();
        if (value == null && errors.size() == reported) {
            errors.add(new FieldError(field, json.get(field) == JsonValue.NULL ? "must not be null" : "must not be blank"));
        }
        return Optional.ofNullable(value);
    }

    private String text(String field, int max, boolean required) {
        var value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            if (required) errors.add(new FieldError(field, "is required"));
            return null;
        }
        if (!(value instanceof JsonString string)) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        var text = string.getString().strip();
        if (required && text.isEmpty()) errors.add(new FieldError(field, "must not be blank"));
        else if (text.length() > max) errors.add(new FieldError(field, "must be at most " + max + " characters"));
        return text.isEmpty() && !required ? null : text;
    }

    private String key(String field) {
        var text = text(field, 64, false);
        if (text != null && !KEY.matcher(text).matches()) {
            errors.add(new FieldError(field, "must be lower-case letters, digits, '-' or '_', starting with a letter"));
        }
        return text;
    }

    private Priority priority() {
        var text = text("priority", 20, false);
        if (text == null) return null;
        try {
            return Priority.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("priority", "must be one of " + List.of(Priority.values())));
            return null;
        }
    }

    private Instant instant(String field) {
        var text = text(field, 40, false);
        if (text == null) return null;
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 date-time with offset, e.g. 2026-12-01T17:00:00Z"));
            return null;
        }
    }

    /** A JSON merge patch (RFC 7396) of the custom fields over {@code base}: null removes a key. */
    private JsonObject customFields(JsonObject base) {
        var value = json.get("customFields");
        if (value == null || value == JsonValue.NULL) return base;
        if (!(value instanceof JsonObject patch)) {
            errors.add(new FieldError("customFields", "must be an object"));
            return base;
        }
        var merged = Json.createObjectBuilder(base);
        patch.forEach((key, v) -> {
            if (!FIELD_KEY.matcher(key).matches()) {
                errors.add(new FieldError("customFields." + key, "is not a valid field key"));
            } else if (v == JsonValue.NULL) {
                merged.remove(key);
            } else {
                merged.add(key, v);
            }
        });
        var result = merged.build();
        if (result.size() > CUSTOM_FIELDS_MAX) {
            errors.add(new FieldError("customFields", "must have at most " + CUSTOM_FIELDS_MAX + " fields"));
        } else if (result.toString().length() > CUSTOM_FIELDS_JSON_MAX) {
            errors.add(new FieldError("customFields", "must be at most " + CUSTOM_FIELDS_JSON_MAX + " characters of JSON"));
        }
        return result;
    }

    private void failIfAny() {
        if (!errors.isEmpty()) throw ProblemException.invalid(errors);
    }
}
