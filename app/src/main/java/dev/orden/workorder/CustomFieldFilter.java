package dev.orden.workorder;

import dev.orden.shared.problem.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * List filters on custom fields: {@code cf.<key>=<value>} query parameters, each an equality on that field. Until
 * field types come from tenant configuration, a value matches both as text and as the JSON literal it spells
 * ({@code cf.serial=12} finds 12 and "12", {@code cf.warranty=true} finds true and "true").
 */
final class CustomFieldFilter {

    static final String PREFIX = "cf.";
    static final int MAX_FILTERS = 10;
    private static final Pattern KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,63}");

    private CustomFieldFilter() {}

    static Map<String, String> fromQuery(MultivaluedMap<String, String> parameters, List<FieldError> errors) {
        var filters = new LinkedHashMap<String, String>();
        parameters.forEach((name, values) -> {
            if (!name.startsWith(PREFIX)) return;
            var key = name.substring(PREFIX.length());
            if (!KEY.matcher(key).matches()) {
                errors.add(new FieldError(name, "is not a custom field key"));
            } else if (values.size() != 1 || values.getFirst().length() > 500) {
                errors.add(new FieldError(name, "must be given once, at most 500 characters"));
            } else {
                filters.put(key, values.getFirst());
            }
        });
        if (filters.size() > MAX_FILTERS) {
            errors.add(new FieldError(PREFIX + "*", "at most " + MAX_FILTERS + " custom-field filters"));
        }
        return Map.copyOf(filters);
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
