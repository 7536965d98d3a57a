package dev.orden.config.field;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;

/** A JSON number; without "decimals" any scale is allowed. */
final class NumberType implements FieldType {

    public String name() {
        return "number";
    }

    public Set<String> properties() {
        return Set.of("min", "max", "decimals");
    }

    public void check(FieldDefinition field, JsonValue value, ValidationContext context, List<String> problems) {
        if (!(value instanceof JsonNumber number)) {
            problems.add("must be a number, not a " + JsonValues.typeOf(value));
            return;
        }
        RangeRule.check(field, number.bigDecimalValue(), problems);
        DecimalsRule.check(field.decimals(), number.bigDecimalValue(), problems);
    }
}
