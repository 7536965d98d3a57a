package dev.orden.config.field;

import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;

/** One of the options, by value. */
final class SelectType implements FieldType {

    public String name() {
        return "select";
    }

    public Set<String> properties() {
        return Set.of("options");
    }

    public void check(FieldDefinition field, JsonValue value, ValidationContext context, List<String> problems) {
        TextRules.string(value, problems).ifPresent(text -> {
            if (!field.hasOption(text)) {
                problems.add("is not one of the options: " + OptionsRule.values(field));
            }
        });
    }

    @Override
    public void checkDefinition(FieldDefinition field, String pointer, List<DefinitionError> errors) {
        OptionsRule.checkDefinition(field, pointer, errors);
    }
}
