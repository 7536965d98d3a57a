package dev.orden.config.field;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What every text-like type shares: a JSON string, its length and the tenant's pattern. */
final class TextRules {

    static final Set<String> PROPERTIES = Set.of("pattern", "minLength", "maxLength");

    private TextRules() {}

    /** The string, or empty after adding a problem when the value is no string. */
    static Optional<String> string(JsonValue value, List<String> problems) {
        if (value instanceof JsonString text) {
            return Optional.of(text.getString());
        }
        problems.add("must be a string, not a " + JsonValues.typeOf(value));
        return Optional.empty();
    }

    static void checkLengthAndPattern(FieldDefinition field, String text, List<String> problems) {
        LengthRule.check(field, text, problems);
        PatternRule.check(field, text, problems);
    }
}
