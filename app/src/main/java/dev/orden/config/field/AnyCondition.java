package dev.orden.config.field;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

public record AnyCondition(List<Condition> conditions) implements Condition {

    public AnyCondition {
        conditions = List.copyOf(conditions);
    }

    public boolean test(FieldLookup values) {
        return conditions.stream().anyMatch(condition -> condition.test(values));
    }

    public Set<String> fields() {
        return conditions.stream().flatMap(condition -> condition.fields().stream()).collect(Collectors.toSet());
    }
}
