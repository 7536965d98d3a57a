package dev.orden.workorder;

import dev.orden.shared.problem.FieldError;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The field-service visit planned for an order: when the agent is expected on site, from {@code start} to {@code end}
 * (the end after the start). History entries hold it as an ISO 8601 interval, {@code start/end}.
 */
public record Visit(Instant start, Instant end) {

    static final String START = "scheduledStart";
    static final String END = "scheduledEnd";
    private static final String WHEN = "must be an ISO-8601 date-time with offset, e.g. 2026-12-01T09:00:00+01:00";

    /** The interval's text, as the history stores it; null for no visit. */
    static String text(Visit visit) {
        return visit == null ? null : visit.start() + "/" + visit.end();
    }

    /**
     * The visit {@code json} asks for over {@code current}: empty when it names neither field (nothing changes),
     * else the new visit, null when both are cleared. A field left out keeps its current value, so a visit can be
     * moved by its start alone only if the end still follows; errors are added per field.
     */
    static Optional<Optional<Visit>> read(JsonObject json, Visit current, List<FieldError> errors) {
        if (!json.containsKey(START) && !json.containsKey(END)) return Optional.empty();
        int reported = errors.size();
        var start = json.containsKey(START) ? instant(json.get(START), START, errors)
                : current == null ? null : current.start();
        var end = json.containsKey(END) ? instant(json.get(END), END, errors) : current == null ? null : current.end();
        if (errors.size() > reported) return Optional.empty();
        if (start == null && end == null) return Optional.of(Optional.empty());
        if (start == null) errors.add(new FieldError(START, "is required with " + END));
        else if (end == null) errors.add(new FieldError(END, "is required with " + START));
        else if (!end.isAfter(start)) errors.add(new FieldError(END, "must be after " + START));
        return errors.size() > reported ? Optional.empty() : Optional.of(Optional.of(new Visit(start, end)));
    }

    /**
     * A bound of the list's visit filter: a date is a local day of the tenant ({@code to} inclusive, so
     * {@code scheduledFrom=2026-12-01&scheduledTo=2026-12-01} is that day), a date-time with an offset an instant.
     */
    static Instant bound(String field, String value, ZoneId zone, boolean to, List<FieldError> errors) {
        if (value == null || value.isBlank()) return null;
        var text = value.strip();
        try {
            if (text.length() == 10) {
                var day = LocalDate.parse(text);
                return (to ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            errors.add(new FieldError(field, "must be a date (2026-12-01, a day of the tenant's time zone) or a "
                    + "date-time with offset"));
            return null;
        }
    }

    private static Instant instant(JsonValue value, String field, List<FieldError> errors) {
        if (value == null || value == JsonValue.NULL) return null;
        if (!(value instanceof JsonString text) || text.getString().length() > 40) {
            errors.add(new FieldError(field, WHEN));
            return null;
        }
        try {
            return OffsetDateTime.parse(text.getString().strip()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, WHEN));
            return null;
        }
    }
}
