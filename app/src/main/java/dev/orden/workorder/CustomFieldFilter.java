package dev.orden.workorder;

import dev.orden.shared.problem.FieldError;
import dev.orden.shared.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * List filters on custom fields, from the query parameters that start with {@code cf.}:
 * <ul>
 *   <li>{@code cf.<key>=<value>}, an equality: until field types come from tenant configuration, a value matches
 *       both as text and as the JSON literal it spells ({@code cf.serial=12} finds 12 and "12",
 *       {@code cf.warranty=true} finds true and "true");</li>
 *   <li>{@code cf.<key>.gte|lte|gt|lt=<bound>} and {@code cf.<key>.empty=true|false}, read here as written and
 *       typed by the field's definition in {@link CustomFieldCondition}.</li>
 * </ul>
 */
final class CustomFieldFilter {

    static final String PREFIX = "cf.";
    static final int MAX_FILTERS = 10;
    private static final Pattern KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,63}");

    private CustomFieldFilter() {}

    /** The equalities (key to value) and the typed conditions as written. */
    record Parsed(Map<String, String> equal, List<CustomFieldCondition.Requested> conditions) {}

    static Parsed fromQuery(MultivaluedMap<String, String> parameters, List<FieldError> errors) {
        var equal = new LinkedHashMap<String, String>();
        var conditions = new ArrayList<CustomFieldCondition.Requested>();
        parameters.forEach((name, values) -> {
            if (!name.startsWith(PREFIX)) return;
            var parts = name.substring(PREFIX.length()).split("\\.", -1);
            var operator = parts.length == 2 ? CustomFieldCondition.Operator.named(parts[1]) : null;
            if (!KEY.matcher(parts[0]).matches() || parts.length > 2) {
                errors.add(new FieldError(name, "is not a custom field key"));
            } else if (parts.length == 2 && operator == null) {
                errors.add(new FieldError(name, "is not a custom-field filter; after the key comes nothing or one of "
                        + CustomFieldCondition.Operator.NAMES));
            } else if (values.size() != 1 || values.getFirst().length() > 500) {
                errors.add(new FieldError(name, "must be given once, at most 500 characters"));
            } else if (operator == null) {
                equal.put(parts[0], values.getFirst());
            } else {
                conditions.add(new CustomFieldCondition.Requested(parts[0], operator, values.getFirst()));
            }
        });
        if (equal.size() + conditions.size() > MAX_FILTERS) {
            errors.add(new FieldError(PREFIX + "*", "at most " + MAX_FILTERS + " custom-field filters"));
        }
        return new Parsed(Map.copyOf(equal), List.copyOf(conditions));
    }

    /** {@code {"key": "value"}}: the value as a JSON string. */
    static String asString(String key, String value) {
        return Json.createObjectBuilder().add(key, value).build().toString();
    }

    /** {@code {"key": value}}: the value as the JSON number, boolean or null it spells, else as a string. */
    static String asLiteral(String key, String value) {
        return Json.createObjectBuilder().add(key, literal(value)).build().toString();
    }

    private static JsonValue literal(String value) {
        var trimmed = value.strip();
        if (trimmed.equals("true") || trimmed.equals("false") || trimmed.equals("null")
                || trimmed.matches("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?")) {
            try (var reader = Json.createReader(new StringReader("[" + trimmed + "]"))) {
                return reader.readArray().get(0);
            } catch (JsonException e) {
                return Json.createValue(value);
            }
        }
        return Json.createValue(value);
    }
}
