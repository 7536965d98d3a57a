package dev.orden.config.field;

import dev.orden.shared.problem.FieldError;
import dev.orden.shared.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks the custom field values of a work order and reports every error, each on {@code customFields.<key>}.
 *
 * <p>Rules decided here:
 * <ul>
 *   <li>JSON null and an absent key mean the same: no value. Blank text and an empty array count as no value for
 *       "required".</li>
 *   <li>A hidden field (visibleWhen not met) is never required, and a value for it is an error: the client must
 *       clear it, so that nothing invisible is stored silently. Conditions read hidden fields as empty.</li>
 *   <li>A retired field keeps its stored value: it may stay unchanged or be cleared, never be set or changed.</li>
 *   <li>A read-only field may not be changed by a client; on creation it may only hold its default.</li>
 *   <li>Money is a plain JSON number in the field's currency, with at most its decimals (2 unless given).</li>
 * </ul>
 */
public final class FieldValuesValidator {

    private FieldValuesValidator() {}

    /** The values of a new work order. */
    /** Whether {@code values} holds something for {@code key}: not absent, null, blank text or an empty list. */
    public static boolean hasValue(JsonObject values, String key) {
        return !JsonValues.isEmpty(values.get(key));
    }

    public static List<FieldError> validate(List<FieldDefinition> fields, JsonObject values, ValidationContext ctx) {
        return validate(fields, values, JsonValue.EMPTY_JSON_OBJECT, ctx);
    }

    /**
     * A JSON merge patch of stored values: the merged result is checked, but only errors on keys the patch touches
     * and errors the patch causes (a field newly required or newly hidden while holding a value) are reported, so
     * that a stored value that broke under a newer configuration does not block an unrelated update.
     */
    public static List<FieldError> validatePatch(List<FieldDefinition> fields, JsonObject stored, JsonObject patch,
            ValidationContext ctx) {
        var merged = merge(stored, patch);
        var before = new HashSet<>(validate(fields, stored, stored, ctx));
        return validate(fields, merged, stored, ctx).stream()
                .filter(error -> touches(patch, error) || !before.contains(error))
                .toList();
    }

    /** JSON merge patch (RFC 7396) at the top level: null removes a key, anything else replaces it. */
    public static JsonObject merge(JsonObject stored, JsonObject patch) {
        var merged = Json.createObjectBuilder(stored);
        patch.forEach((key, value) -> {
            if (value.getValueType() == JsonValue.ValueType.NULL) {
                merged.remove(key);
            } else {
                merged.add(key, value);
            }
        });
        return merged.build();
    }

    /** The values with each missing visible field given its default; defaults may make further fields visible. */
    public static JsonObject applyDefaults(List<FieldDefinition> fields, JsonObject values) {
        var current = values;
        for (int round = 0; round <= fields.size(); round++) {
            var next = withVisibleDefaults(fields, current);
            if (next.equals(current)) {
                return current;
            }
            current = next;
        }
        return current;
    }

    /** The values as they are stored: phone numbers without spaces and dashes. Call after validation. */
    public static JsonObject normalise(List<FieldDefinition> fields, JsonObject values) {
        Map<String, FieldDefinition> byKey = fields.stream()
                .collect(Collectors.toMap(FieldDefinition::key, Function.identity()));
        var normalised = Json.createObjectBuilder();
        values.forEach((key, value) -> normalised.add(key,
                byKey.containsKey(key) ? byKey.get(key).type().normalise(value) : value));
        return normalised.build();
    }

    private static List<FieldError> validate(List<FieldDefinition> fields, JsonObject values, JsonObject previous,
            ValidationContext ctx) {
        var errors = new ArrayList<FieldError>();
        var known = fields.stream().map(FieldDefinition::key).collect(Collectors.toSet());
        values.keySet().stream().filter(key -> !known.contains(key)).sorted()
                .forEach(key -> errors.add(new FieldError("customFields." + key, "is not a field of this form")));
        var visible = new VisibleValues(fields, values);
        for (var field : fields) {
            new FieldCheck(field, values.get(field.key()), previous.get(field.key()), visible, ctx).addTo(errors);
        }
        return errors;
    }

    private static boolean touches(JsonObject patch, FieldError error) {
        return patch.keySet().stream().anyMatch(key -> error.field().equals("customFields." + key));
    }

    private static JsonObject withVisibleDefaults(List<FieldDefinition> fields, JsonObject values) {
        var visible = new VisibleValues(fields, values);
        var result = Json.createObjectBuilder(values);
        for (var field : fields) {
            if (!field.retired() && field.defaultValue() != null && JsonValues.orNull(values.get(field.key()))
                    .getValueType() == JsonValue.ValueType.NULL && visible.isVisible(field.key())) {
                result.add(field.key(), field.defaultValue());
            }
        }
        return result.build();
    }
}
