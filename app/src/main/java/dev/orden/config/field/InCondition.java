package dev.orden.config.field;

import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;

/** The value is one of the listed values; for a multiselect, any one of its items is. */
public record InCondition(String field, List<JsonValue> values) implements Condition {

    public InCondition {
        values = List.copyOf(values);
    }

    public boolean test(FieldLookup lookup) {
        var actual = lookup.valueOf(field);
        if (actual instanceof JsonArray items) {
            return items.stream().anyMatch(this::isListed);
        }
        return isListed(actual);
    }

    public Set<String> fields() {
        return Set.of(field);
    }

    private boolean isListed(JsonValue actual) {
        return values.stream().anyMatch(candidate -> JsonValues.same(actual, candidate));
    }
}
