package dev.orden.config.field;

import java.util.List;

/** The parsed definitions, or every problem found in them (then {@code fields} is empty). */
public record ParseResult(List<FieldDefinition> fields, List<DefinitionError> errors) {

    public ParseResult {
        fields = List.copyOf(fields);
        errors = List.copyOf(errors);
    }

    public boolean isValid() {
        return errors.isEmpty();
    }
}
