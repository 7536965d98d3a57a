package dev.orden.config.field;

import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/** An ISO date and time with its offset, such as 2026-03-01T10:15:00+01:00 or ...Z: a time without one is ambiguous. */
final class DateTimeType implements FieldType {

    public String name() {
        return "datetime";
    }

    public Set<String> properties() {
        return Set.of();
    }

    public void check(FieldDefinition field, JsonValue value, ValidationContext context, List<String> problems) {
        TextRules.string(value, problems).ifPresent(text -> {
            if (!isDateTime(text)) {
                problems.add("must be a date and time with offset, such as 2026-03-01T10:15:00+01:00");
            }
        });
    }

    private static boolean isDateTime(String text) {
        try {
            return OffsetDateTime.parse(text) != null;
        } catch (DateTimeParseException notADateTime) {
            return false;
        }
    }
}
