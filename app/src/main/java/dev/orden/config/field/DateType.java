package dev.orden.config.field;

import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/** An ISO calendar date, yyyy-MM-dd. */
final class DateType implements FieldType {

    public String name() {
        return "date";
    }

    public Set<String> properties() {
        return Set.of();
    }

    public void check(FieldDefinition field, JsonValue value, ValidationContext context, List<String> problems) {
        TextRules.string(value, problems).ifPresent(text -> {
            if (!isDate(text)) {
                problems.add("must be a date as yyyy-MM-dd");
            }
        });
    }

    private static boolean isDate(String text) {
        try {
            return text.matches("\\d{4}-\\d{2}-\\d{2}") && LocalDate.parse(text) != null;
        } catch (DateTimeParseException notADate) {
            return false;
        }
    }
}
