package dev.orden.porting;

import dev.orden.shared.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The header of a work-order CSV and what it makes of each row: the body of a create request (as
 * {@code POST /workorders} takes it), plus what only an import sets (state, requester and assignee by e-mail,
 * creation time). Standard columns are matched loosely ({@code Requester Email}, {@code requester_email},
 * {@code requesterEmail}); every other column is a custom field, {@code cf.<key>} or the bare key. Cells are text;
 * a custom value is read as its field's type needs (numbers, booleans, {@code ;}-separated multiselect values,
 * JSON for locations, an e-mail for a user field). An empty cell is no value. An attachment field's cell is an
 * error: its value names files of the order, and an order being imported has none yet.
 */
final class OrderColumns {

    static final Set<String> STANDARD = Set.of("type", "title", "description", "priority", "status",
            "requester_email", "assignee_email", "team", "area", "created_at", "due_at");
    private static final Map<String, String> ALIASES = Map.of("requester", "requester_email",
            "assignee", "assignee_email", "created", "created_at", "due", "due_at");
    static final String NO_MEMBER = "no member of this tenant has this e-mail address";
    static final String NO_FILES = "is an attachment field: an imported order has no files yet; leave it empty and"
            + " add the files to the order after the import";
    private static final Pattern FIELD_KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,63}");

    /** Custom fields of a type: key → field type name ({@code number}, {@code user}, …). */
    interface FieldTypes extends Function<String, Map<String, String>> {}

    /** A person's user id by e-mail, among the tenant's members. */
    interface People extends Function<String, Optional<String>> {}

    /** A row as the import reads it. {@code errors} are the row's own (cells that do not parse). */
    record Mapped(JsonObject body, String status, String requesterEmail, String assigneeEmail, Instant createdAt,
                  List<RowError> errors) {}

    private final List<String> header;
    /** Per position: the standard column, or {@code cf.<key>}. */
    private final List<String> names;
    private final List<RowError> headerErrors;
    /** The header's text of each standard field and custom key, for errors named as the file names them. */
    private final Map<String, String> written = new HashMap<>();

    private OrderColumns(List<String> header, List<String> names, List<RowError> headerErrors) {
        this.header = header;
        this.names = names;
        this.headerErrors = headerErrors;
    }

    static OrderColumns of(List<String> header) {
        var names = new ArrayList<String>();
        var errors = new ArrayList<RowError>();
        var seen = new LinkedHashMap<String, String>();
        for (var column : header) {
            var name = nameOf(column);
            if (name == null) {
                errors.add(new RowError(0, column, "is neither a work-order column (" + String.join(", ",
                        new java.util.TreeSet<>(STANDARD)) + ") nor a custom field key"));
            } else if (seen.putIfAbsent(name, column) != null) {
                errors.add(new RowError(0, column, "repeats the column '" + seen.get(name) + "'"));
            }
            names.add(name);
        }
        if (!seen.containsKey("title")) errors.add(new RowError(0, "title", "the header has no title column"));
        var columns = new OrderColumns(List.copyOf(header), names, errors);
        seen.forEach((name, column) -> columns.written.put(name, column));
        return columns;
    }

    private static String nameOf(String column) {
        var text = column.strip();
        if (text.regionMatches(true, 0, "cf.", 0, 3)) text = text.substring(3);
        else if (text.startsWith("customFields.")) text = text.substring("customFields.".length());
        else {
            var standard = standardName(text);
            if (standard != null) return standard;
        }
        return FIELD_KEY.matcher(text).matches() ? "cf." + text : null;
    }

    private static String standardName(String text) {
        var snake = text.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        snake = ALIASES.getOrDefault(snake, snake);
        return STANDARD.contains(snake) ? snake : null;
    }

    List<RowError> headerErrors() {
        return headerErrors;
    }

    /** The column an error of the create request's {@code field} is about, as the header writes it. */
    String columnOf(String field) {
        if (field == null) return null;
        if (field.startsWith("customFields.")) {
            return written.getOrDefault("cf." + field.substring("customFields.".length()), field);
        }
        var standard = standardName(field);
        return standard != null ? written.getOrDefault(standard, field) : field;
    }

    Mapped map(long row, String[] cells, FieldTypes fieldTypes, People people) {
        var errors = new ArrayList<RowError>();
        if (cells.length != header.size()) {
            errors.add(new RowError(row, null, "has " + cells.length + " values; the header has " + header.size()));
        }
        var values = new HashMap<String, String>();
        for (int i = 0; i < Math.min(cells.length, names.size()); i++) {
            var cell = cells[i] == null ? "" : cells[i].strip();
            if (names.get(i) != null && !cell.isEmpty()) values.put(names.get(i), cell);
        }
        var body = Json.createObjectBuilder();
        for (var field : List.of("type", "title", "description", "priority", "area", "team")) {
            if (values.containsKey(field)) body.add(field, values.get(field));
        }
        if (values.containsKey("due_at")) body.add("dueAt", values.get("due_at"));
        var types = fieldTypes.apply(values.get("type"));
        var custom = Json.createObjectBuilder();
        values.forEach((name, text) -> {
            if (!name.startsWith("cf.")) return;
            var key = name.substring(3);
            custom.add(key, cell(types.getOrDefault(key, "text"), text, people, row, header(name), errors));
        });
        body.add("customFields", custom);
        var createdAt = instant(values.get("created_at"), row, header("created_at"), errors);
        return new Mapped(body.build(), values.get("status"), lower(values.get("requester_email")),
                lower(values.get("assignee_email")), createdAt, errors);
    }

    private String header(String name) {
        return written.getOrDefault(name, name);
    }

    private static String lower(String email) {
        return email == null ? null : email.toLowerCase(Locale.ROOT);
    }

    static JsonValue cell(String type, String text, People people, long row, String column, List<RowError> errors) {
        switch (type) {
            case "number", "money" -> {
                try {
                    return Json.createValue(new BigDecimal(text));
                } catch (NumberFormatException e) {
                    return Json.createValue(text); // the field's own check names the problem
                }
            }
            case "boolean" -> {
                var lower = text.toLowerCase(Locale.ROOT);
                if (Set.of("true", "yes", "1", "sí", "si").contains(lower)) return JsonValue.TRUE;
                if (Set.of("false", "no", "0").contains(lower)) return JsonValue.FALSE;
                return Json.createValue(text);
            }
            case "multiselect" -> {
                if (text.startsWith("[")) return json(text, row, column, errors);
                var items = Json.createArrayBuilder();
                for (var item : text.split(";")) if (!item.isBlank()) items.add(item.strip());
                return items.build();
            }
            case "location" -> {
                return text.startsWith("{") ? json(text, row, column, errors) : Json.createValue(text);
            }
            case "attachment" -> {
                errors.add(new RowError(row, column, NO_FILES));
                return JsonValue.NULL;
            }
            case "user" -> {
                if (!text.contains("@")) return Json.createValue(text);
                var id = people.apply(text.toLowerCase(Locale.ROOT));
                if (id.isEmpty()) errors.add(new RowError(row, column, NO_MEMBER));
                return Json.createValue(id.orElse(text));
            }
            default -> {
                return Json.createValue(text);
            }
        }
    }

    private static JsonValue json(String text, long row, String column, List<RowError> errors) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (RuntimeException e) {
            errors.add(new RowError(row, column, "is not valid JSON"));
            return JsonValue.NULL;
        }
    }

    /** An ISO-8601 date-time with offset, or a date (midnight UTC). */
    static Instant instant(String text, long row, String column, List<RowError> errors) {
        if (text == null) return null;
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                errors.add(new RowError(row, column, "must be an ISO-8601 date-time with offset "
                        + "(2026-03-01T10:15:00+01:00) or a date (2026-03-01)"));
                return null;
            }
        }
    }
}
