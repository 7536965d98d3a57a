package dev.orden.config.field;

import java.util.Set;

/** Empty means absent, null, blank text or an empty array or object. */
public record NotEmptyCondition(String field) implements Condition {

    public boolean test(FieldLookup values) {
        return !JsonValues.isEmpty(values.valueOf(field));
    }

    public Set<String> fields() {
        return Set.of(field);
    }
}
