package dev.orden.workorder;

import dev.orden.shared.problem.ProblemException;
import dev.orden.shared.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Where a page ended, for keyset pagination: the sort, the last row's sort timestamp (if any) or custom-field
 * value (if sorted by one; JSON null when it had none) and its number. Opaque to clients; a cursor made for
 * another sort is refused. The value is carried as stored: the query reads it with the same SQL as the rows.
 */
record Cursor(WorkOrderSort sort, Instant at, long number, JsonValue value) {

    Cursor(WorkOrderSort sort, Instant at, long number) {
        this(sort, at, number, null);
    }

    static Cursor after(WorkOrder last, WorkOrderSort sort) {
        if (sort.field() != null) {
            return new Cursor(sort, null, last.number(), valueOf(last, sort.field().key()));
        }
        Instant at = sort.timeField() == null ? null
                : sort.timeField().equals("createdAt") ? last.createdAt() : last.updatedAt();
        return new Cursor(sort, at, last.number());
    }

    String encode() {
        var micros = at == null ? "" : Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, at));
        var text = sort.parameter() + "|" + micros + "|" + number + (value == null ? "" : "|" + value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String value, WorkOrderSort expectedSort) {
        try {
            // At most 4 parts: a custom-field value may hold '|' itself.
            var parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split("\\|", 4);
            if (parts.length < 3) throw new IllegalArgumentException("shape");
            if (!parts[0].equals(expectedSort.parameter())) {
                // Not WorkOrderSort.parse: that defaults a blank sort and reports on "sort", not on the cursor.
                if (!isSort(parts[0])) throw new IllegalArgumentException("sort");
                throw ProblemException.invalid("cursor", "was made for sort " + parts[0]
                        + "; keep the same sort while paging");
            }
            var sort = expectedSort;
            // A time sort needs the timestamp for its keyset condition, a field sort the value; no other sort has either.
            if (parts[1].isEmpty() != (sort.timeField() == null)) throw new IllegalArgumentException("timestamp");
            if ((parts.length == 4) != (sort.field() != null)) throw new IllegalArgumentException("value");
            var at = parts[1].isEmpty() ? null : Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS);
            var fieldValue = parts.length == 4 ? json(parts[3]) : null;
            return new Cursor(sort, at, Long.parseLong(parts[2]), fieldValue);
        } catch (IllegalArgumentException | JsonException e) {
            throw ProblemException.invalid("cursor", "is not a cursor returned by this API");
        }
    }

    /** A sort this API issues cursors for: a fixed one, or one by a custom field (whichever key). */
    private static boolean isSort(String parameter) {
        var name = parameter.startsWith("-") ? parameter.substring(1) : parameter;
        return WorkOrderSort.FIXED.stream().anyMatch(s -> s.parameter().equals(parameter))
                || name.startsWith(CustomFieldFilter.PREFIX) && name.length() > CustomFieldFilter.PREFIX.length();
    }

    private static JsonValue valueOf(WorkOrder order, String key) {
        var fields = order.customFields();
        if (fields == null) return JsonValue.NULL;
        try (var reader = Json.createReader(new StringReader(fields))) {
            var value = reader.readObject().get(key);
            return value == null ? JsonValue.NULL : value;
        }
    }

    private static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
