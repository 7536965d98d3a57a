package dev.orden.config.field;

import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;

final class BooleanType implements FieldType {

    public String name() {
        return "boolean";
    }

    public Set<String> properties() {
        return Set.of();
    }

    public void check(FieldDefinition field, JsonValue value, ValidationContext context, List<String> problems) {
        var type = value.getValueType();
        if (type != JsonValue.ValueType.TRUE && type != JsonValue.ValueType.FALSE) {
            problems.add("must be true or false, not a " + JsonValues.typeOf(value));
        }
    }
}
