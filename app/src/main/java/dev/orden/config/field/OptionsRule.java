package dev.orden.config.field;

import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;

/** A select or multiselect needs options with distinct values. */
final class OptionsRule {

    private OptionsRule() {}

    static void checkDefinition(FieldDefinition field, String pointer, List<DefinitionError> errors) {
        if (field.options().isEmpty()) {
            errors.add(new DefinitionError(pointer + "/options", "a " + field.type().name() + " field needs options"));
        }
        var seen = new HashSet<String>();
        for (int i = 0; i < field.options().size(); i++) {
            if (!seen.add(field.options().get(i).value())) {
                errors.add(new DefinitionError(pointer + "/options/" + i + "/value", "duplicate option value"));
            }
        }
    }

    static String values(FieldDefinition field) {
        return field.options().stream().map(FieldOption::value).collect(Collectors.joining(", "));
    }
}
