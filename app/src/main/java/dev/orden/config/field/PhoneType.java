package dev.orden.config.field;

import dev.orden.shared.json.Json;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** An international number, E.164-like: + and 6 to 15 digits; spaces and dashes are accepted and removed. */
final class PhoneType implements FieldType {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{5,14}");

    public String name() {
        return "phone";
    }

    public Set<String> properties() {
        return TextRules.PROPERTIES;
    }

    public void check(FieldDefinition field, JsonValue value, ValidationContext context, List<String> problems) {
        TextRules.string(value, problems).ifPresent(text -> {
            if (!E164.matcher(compact(text)).matches()) {
                problems.add("must be an international phone number: + and 6 to 15 digits");
            }
            TextRules.checkLengthAndPattern(field, compact(text), problems);
        });
    }

    @Override
    public JsonValue normalise(JsonValue value) {
        return value instanceof JsonString text ? Json.createValue(compact(text.getString())) : value;
    }

    static String compact(String text) {
        return text.replaceAll("[\\s-]", "");
    }
}
