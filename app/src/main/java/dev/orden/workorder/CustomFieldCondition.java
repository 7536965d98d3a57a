package dev.orden.workorder;

import dev.orden.config.field.FieldDefinition;
import dev.orden.shared.problem.FieldError;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A list condition on a custom field, typed by the field's definition in the active configuration: a range bound
 * ({@code cf.<key>.gte=10}) on a number, money, date or datetime field, or {@code cf.<key>.empty=true|false} on
 * any field. {@code bound} is the bound as the JSON value it compares like ({@link CustomFieldKind#bound}); for
 * {@link Operator#EMPTY} it is true or false and {@code kind} is null.
 */
record CustomFieldCondition(String key, Operator operator, CustomFieldKind kind, JsonValue bound) {

    enum Operator {
        GTE(">="), LTE("<="), GT(">"), LT("<"), EMPTY(null);

        static final String NAMES = Arrays.stream(values()).map(Operator::parameter).collect(Collectors.joining(", "));

        private final String sql;

        Operator(String sql) {
            this.sql = sql;
        }

        /** The operator a parameter name ends with ({@code gte} in {@code cf.price.gte}), or null. */
        static Operator named(String name) {
            return Arrays.stream(values()).filter(o -> o.parameter().equals(name)).findFirst().orElse(null);
        }

        String parameter() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The SQL comparison of a range operator. */
        String sql() {
            return sql;
        }
    }

    /** A condition as the query string has it, before the field's type is known. */
    record Requested(String key, Operator operator, String value) {

        String parameter() {
            return CustomFieldFilter.PREFIX + key + "." + operator.parameter();
        }
    }

    /** Types every requested condition by its field in {@code fields}; what does not fit is added to {@code errors}. */
    static List<CustomFieldCondition> typed(List<Requested> requested, Map<String, FieldDefinition> fields,
                                            List<FieldError> errors) {
        var typed = new ArrayList<CustomFieldCondition>();
        for (var condition : requested) {
            var field = fields.get(condition.key());
            if (field == null) {
                errors.add(new FieldError(condition.parameter(), "'" + condition.key()
                        + "' is not a custom field of this tenant's configuration"));
            } else if (condition.operator() == Operator.EMPTY) {
                emptiness(condition, errors).ifPresent(typed::add);
            } else {
                range(condition, field, errors).ifPresent(typed::add);
            }
        }
        return List.copyOf(typed);
    }

    private static Optional<CustomFieldCondition> emptiness(Requested condition, List<FieldError> errors) {
        var value = condition.value().strip();
        if (!value.equals("true") && !value.equals("false")) {
            errors.add(new FieldError(condition.parameter(), "must be true or false"));
            return Optional.empty();
        }
        return Optional.of(new CustomFieldCondition(condition.key(), Operator.EMPTY, null,
                value.equals("true") ? JsonValue.TRUE : JsonValue.FALSE));
    }

    private static Optional<CustomFieldCondition> range(Requested condition, FieldDefinition field,
                                                                  List<FieldError> errors) {
        var kind = CustomFieldKind.of(field).filter(CustomFieldKind::ranges);
        if (kind.isEmpty()) {
            errors.add(new FieldError(condition.parameter(), "ranges apply to number, money, date and datetime "
                    + "fields; '" + field.key() + "' is a " + field.type().name() + " field"));
            return Optional.empty();
        }
        var bound = kind.get().bound(condition.value());
        if (bound.isEmpty()) {
            errors.add(new FieldError(condition.parameter(), expected(kind.get())));
            return Optional.empty();
        }
        return bound.map(b -> new CustomFieldCondition(condition.key(), condition.operator(), kind.get(), b));
    }

    private static String expected(CustomFieldKind kind) {
        return switch (kind) {
            case NUMBER -> "must be a number, such as 12 or -3.5";
            case DATE -> "must be a date as yyyy-MM-dd, such as 2026-03-01";
            case DATETIME -> "must be a date and time with offset, such as 2026-03-01T10:15:00+01:00 (+ written %2B)";
            case BOOLEAN, TEXT -> throw new IllegalArgumentException(kind + " has no ranges");
        };
    }
}
