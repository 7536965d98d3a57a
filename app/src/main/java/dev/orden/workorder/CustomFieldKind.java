package dev.orden.workorder;

import dev.orden.config.field.FieldDefinition;
import dev.orden.shared.json.Json;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a custom field's values compare when a list is sorted or range-filtered by it, from the field's type.
 *
 * <p>Each kind has the SQL that makes a sort key of a stored jsonb value: NULL when the value is missing or is not
 * of the kind. Stored values are never trusted to be of the field's current type (a newer version may have changed
 * it), so the SQL never casts what it has not checked and cannot fail on any value. The same SQL reads filter
 * bounds and cursor values, so both compare exactly as the rows do.
 */
enum CustomFieldKind {
    /** number and money (money is a plain JSON number in the field's currency). */
    NUMBER("CASE WHEN jsonb_typeof({v}) = 'number' THEN CAST({v} AS numeric) END", true),
    /** yyyy-MM-dd; checked against the calendar (no 2026-02-30, no year 0) because the cast would fail on those. */
    DATE("CASE WHEN ({v} #>> '{}') ~ '" + Patterns.DATE + "' THEN CAST({v} #>> '{}' AS date) END", true),
    /**
     * A date and time with its offset, compared as instants. The pattern admits what PostgreSQL parses: offsets up
     * to ±15:59 (the field engine allows ±18:00, an offset no place uses), no leap second, no hour 24.
     */
    DATETIME("CASE WHEN ({v} #>> '{}') ~ '" + Patterns.DATETIME + "' THEN CAST({v} #>> '{}' AS timestamptz) END", true),
    BOOLEAN("CASE WHEN jsonb_typeof({v}) = 'boolean' THEN CAST({v} AS boolean) END", false),
    /** Text in the database's collation; blank text counts as no value, as for the field engine. */
    TEXT("CASE WHEN jsonb_typeof({v}) = 'string' AND ({v} #>> '{}') ~ '[^[:space:]]' THEN {v} #>> '{}' END", false);

    /** The token the sort-key SQL has for the jsonb value. */
    static final String VALUE = "{v}";

    /**
     * True when a field holds no value, as the field engine's "empty" says: absent, null, blank text, [] or {}.
     */
    static final String EMPTY = "COALESCE(jsonb_typeof({v}) = 'null' OR {v} = CAST('[]' AS jsonb)"
            + " OR {v} = CAST('{}' AS jsonb) OR (jsonb_typeof({v}) = 'string' AND ({v} #>> '{}') !~ '[^[:space:]]'),"
            + " true)";

    private final String sortKey;
    private final boolean ranges;

    CustomFieldKind(String sortKey, boolean ranges) {
        this.sortKey = sortKey;
        this.ranges = ranges;
    }

    /** The kind of a field's values, or empty for types without an order (multiselect, location, user…). */
    static Optional<CustomFieldKind> of(FieldDefinition field) {
        return Optional.ofNullable(switch (field.type().name()) {
            case "number", "money" -> NUMBER;
            case "date" -> DATE;
            case "datetime" -> DATETIME;
            case "boolean" -> BOOLEAN;
            case "text", "select", "email", "phone", "url" -> TEXT;
            default -> null;
        });
    }

    /** The sort key of the jsonb value {@code value} stands for. */
    SqlFragment sortKey(SqlFragment value) {
        return SqlFragment.of(sortKey).with(VALUE, value);
    }

    /** Whether gte/lte/gt/lt apply. */
    boolean ranges() {
        return ranges;
    }

    /**
     * A range bound as the JSON value it compares like, or empty when the text is not a value of this kind.
     * Dates and times must match the same patterns as the SQL, or they would silently match nothing.
     */
    Optional<JsonValue> bound(String text) {
        var value = text.strip();
        return switch (this) {
            case NUMBER -> Patterns.NUMBER.matcher(value).matches()
                    ? Optional.of(Json.createValue(new BigDecimal(value)))
                    : Optional.empty();
            case DATE -> Patterns.DATE_VALUE.matcher(value).matches() ? Optional.of(Json.createValue(value)) : Optional.empty();
            // A '+' left unencoded in a query string arrives as a space.
            case DATETIME -> Optional.of(value.replace(' ', '+')).filter(v -> Patterns.DATETIME_VALUE.matcher(v).matches())
                    .map(Json::createValue);
            case BOOLEAN, TEXT -> Optional.empty();
        };
    }

    /** Regular expressions valid both in Java and in PostgreSQL, without '?' (SQL() takes it for a placeholder). */
    static final class Patterns {
        private static final String YEAR = "(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})";
        private static final String LEAP_YEAR = "([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)";
        private static final String DAY_OF_YEAR = "(" + YEAR + "-((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])"
                + "|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-8]))|" + LEAP_YEAR + "-02-29)";
        private static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.][0-9]+){0,1}){0,1}";
        private static final String OFFSET = "([Zz]|[+-](0[0-9]|1[0-5]):[0-5][0-9](:[0-5][0-9]){0,1})";

        static final String DATE = "^" + DAY_OF_YEAR + "$";
        static final String DATETIME = "^" + DAY_OF_YEAR + "[Tt]" + TIME + OFFSET + "$";

        static final Pattern DATE_VALUE = Pattern.compile(DATE);
        static final Pattern DATETIME_VALUE = Pattern.compile(DATETIME);
        /** Plain decimals with an optional small exponent: enough for any bound, never a number jsonb refuses. */
        static final Pattern NUMBER = Pattern.compile("[+-]{0,1}([0-9]{1,40}([.][0-9]{0,40}){0,1}|[.][0-9]{1,40})([eE][+-]{0,1}[0-9]{1,3}){0,1}");

        private Patterns() {}
    }
}
