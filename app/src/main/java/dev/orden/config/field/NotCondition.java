package dev.orden.config.field;

import java.util.Set;

public record NotCondition(Condition condition) implements Condition {

    public boolean test(FieldLookup values) {
        return !condition.test(values);
    }

    public Set<String> fields() {
        return condition.fields();
    }
}
