package dev.orden.config.field;

import java.util.List;

/** minItems / maxItems of a multiselect. */
final class ItemCountRule {

    private ItemCountRule() {}

    static void check(FieldDefinition field, int count, List<String> problems) {
        if (field.minItems() != null && count < field.minItems()) {
            problems.add("must have at least " + field.minItems() + " items");
        }
        if (field.maxItems() != null && count > field.maxItems()) {
            problems.add("must have at most " + field.maxItems() + " items");
        }
    }
}
