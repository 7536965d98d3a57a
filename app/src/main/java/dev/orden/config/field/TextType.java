package dev.orden.config.field;

import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;

/** One line of text: line breaks belong in longtext. */
final class TextType implements FieldType {

    public String name() {
        return "text";
    }

    public Set<String> properties() {
        return TextRules.PROPERTIES;
    }

    public void check(FieldDefinition field, JsonValue value, ValidationContext context, List<String> problems) {
        TextRules.string(value, problems).ifPresent(text -> {
            if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                problems.add("must be a single line");
            }
            TextRules.checkLengthAndPattern(field, text, problems);
        });
    }
}
