package dev.orden.config.field;

import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;

/** How one type of field checks its values. */
public interface FieldType {

    String name();

    /** The definition properties this type accepts beyond those every field has. */
    Set<String> properties();

    /** Adds a message for every problem of a value that is present and not JSON null. */
    void check(FieldDefinition field, JsonValue value, ValidationContext context, List<String> problems);

    /** Problems of the definition itself that only this type knows about; the pointer is the field's. */
    default void checkDefinition(FieldDefinition field, String pointer, List<DefinitionError> errors) {}

    /** The value as it is stored, once valid. */
    default JsonValue normalise(JsonValue value) {
        return value;
    }
}
