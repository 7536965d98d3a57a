package dev.orden.config.field;

import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;

final class LongTextType implements FieldType {

    public String name() {
        return "longtext";
    }

    public Set<String> properties() {
        return TextRules.PROPERTIES;
    }

    public void check(FieldDefinition field, JsonValue value, ValidationContext context, List<String> problems) {
        TextRules.string(value, problems).ifPresent(text -> TextRules.checkLengthAndPattern(field, text, problems));
    }
}
