package dev.orden.config.field;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The values as conditions see them: a hidden field reads as empty, so a field shown only under a hidden one is
 * hidden too. Visibility is remembered per key; cycles are refused when definitions are parsed.
 */
final class VisibleValues implements FieldLookup {

    private final Map<String, FieldDefinition> byKey = new HashMap<>();
    private final Map<String, Boolean> visibility = new HashMap<>();
    private final JsonObject values;

    VisibleValues(List<FieldDefinition> fields, JsonObject values) {
        fields.forEach(field -> byKey.put(field.key(), field));
        this.values = values;
    }

    public JsonValue valueOf(String key) {
        return isVisible(key) ? JsonValues.orNull(values.get(key)) : JsonValue.NULL;
    }

    boolean isVisible(String key) {
        var field = byKey.get(key);
        if (field == null || field.visibleWhen() == null) {
            return true;
        }
        var known = visibility.get(key);
        if (known == null) {
            visibility.put(key, false);
            known = field.visibleWhen().test(this);
            visibility.put(key, known);
        }
        return known;
    }

    boolean isRequired(FieldDefinition field) {
        return isVisible(field.key())
                && (field.required() || field.requiredWhen() != null && field.requiredWhen().test(this));
    }
}
