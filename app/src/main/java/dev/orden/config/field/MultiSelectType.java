package dev.orden.config.field;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** An array of distinct option values. */
final class MultiSelectType implements FieldType {

    public String name() {
        return "multiselect";
    }

    public Set<String> properties() {
        return Set.of("options", "minItems", "maxItems");
    }

    public void check(FieldDefinition field, JsonValue value, ValidationContext context, List<String> problems) {
        if (!(value instanceof JsonArray items)) {
            problems.add("must be an array of option values, not a " + JsonValues.typeOf(value));
            return;
        }
        var seen = new HashSet<String>();
        for (var item : items) {
            if (!(item instanceof JsonString text)) {
                problems.add("must hold only strings, not a " + JsonValues.typeOf(item));
            } else if (!field.hasOption(text.getString())) {
                problems.add("'" + text.getString() + "' is not one of the options: " + OptionsRule.values(field));
            } else if (!seen.add(text.getString())) {
                problems.add("'" + text.getString() + "' is repeated");
            }
        }
        ItemCountRule.check(field, items.size(), problems);
    }

    @Override
    public void checkDefinition(FieldDefinition field, String pointer, List<DefinitionError> errors) {
        OptionsRule.checkDefinition(field, pointer, errors);
    }
}
