package dev.orden.audit;

import dev.orden.shared.problem.FieldError;
import dev.orden.shared.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The filters of {@code GET /admin/audit}: {@code [from, to)} in time (a date is that whole day in the tenant's zone,
 * so {@code to=2026-03-01} includes the 1st), the actor's id, an action (exact, or a prefix such as {@code member}
 * for every {@code member.*}), and the keyset cursor: entries older than the last one of the previous page.
 */
public record AuditQuery(Instant from, Instant to, String actor, String action, Long before, int limit) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    private static final Pattern ACTION = Pattern.compile("^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*$");

    public static AuditQuery parse(String from, String to, String actor, String action, String cursor, String limit,
                                   ZoneId zone) {
        var errors = new ArrayList<FieldError>();
        var start = moment("from", from, zone, false, errors);
        var end = moment("to", to, zone, true, errors);
        if (start != null && end != null && !start.isBefore(end)) {
            errors.add(new FieldError("to", "must be after from"));
        }
        var actorId = blankToNull(actor);
        if (actorId != null && actorId.length() > 100) errors.add(new FieldError("actor", "is at most 100 characters"));
        var actionKey = blankToNull(action);
        if (actionKey != null && (actionKey.length() > 64 || !ACTION.matcher(actionKey).matches())) {
            errors.add(new FieldError("action", "must be an action such as member.invited, or its prefix (member)"));
        }
        var before = cursor(cursor, errors);
        var size = limit(limit, errors);
        if (!errors.isEmpty()) throw ProblemException.invalid(errors);
        return new AuditQuery(start, end, actorId, actionKey, before, size);
    }

    /** The query for the page after the entry {@code lastId}. */
    AuditQuery after(long lastId) {
        return new AuditQuery(from, to, actor, action, lastId, limit);
    }

    AuditQuery withLimit(int size) {
        return new AuditQuery(from, to, actor, action, before, size);
    }

    static String cursorOf(long lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("a" + lastId).getBytes(StandardCharsets.UTF_8));
    }

    private static Long cursor(String cursor, List<FieldError> errors) {
        if (blankToNull(cursor) == null) return null;
        try {
            var text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            if (text.startsWith("a")) return Long.parseLong(text.substring(1));
        } catch (IllegalArgumentException e) {
            // reported below
        }
        errors.add(new FieldError("cursor", "is not a cursor this API gave"));
        return null;
    }

    private static int limit(String limit, List<FieldError> errors) {
        if (blankToNull(limit) == null) return DEFAULT_LIMIT;
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= MAX_LIMIT) return value;
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT));
        return DEFAULT_LIMIT;
    }

    private static Instant moment(String field, String value, ZoneId zone, boolean endOfDay, List<FieldError> errors) {
        var text = blankToNull(value);
        if (text == null) return null;
        try {
            if (text.length() == 10) {
                var day = LocalDate.parse(text);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date (2026-03-01) or date-time (2026-03-01T09:30:00Z)"));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
