package dev.orden.config.field;

import jakarta.json.JsonValue;
import java.util.Set;

public record EqualsCondition(String field, JsonValue value) implements Condition {

    public boolean test(FieldLookup values) {
        return JsonValues.same(values.valueOf(field), value);
    }

    public Set<String> fields() {
        return Set.of(field);
    }
}
