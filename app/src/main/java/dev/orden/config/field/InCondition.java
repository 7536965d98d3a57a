package dev.orden.config.field;

import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;

public record InCondition(String field, List<JsonValue> values) implements Condition {

    public InCondition {
        values = List.copyOf(values);
    }

    public boolean test(FieldLookup lookup) {
        var actual = lookup.valueOf(field);
        return values.stream().anyMatch(candidate -> JsonValues.same(actual, candidate));
    }

    public Set<String> fields() {
        return Set.of(field);
    }
}
