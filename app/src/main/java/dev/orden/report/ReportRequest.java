package dev.orden.report;

import dev.orden.shared.problem.FieldError;
import dev.orden.shared.problem.ProblemException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a report is asked for: the range [{@code from}, {@code to}) in the tenant's zone and the optional filters. The
 * range's local days run from {@code firstDay} to {@code endDay} (exclusive); a range that starts or ends inside a day
 * still buckets that day, counting only what falls inside the range.
 */
public record ReportRequest(Instant from, Instant to, ZoneId zone, LocalDate firstDay, LocalDate endDay, String type,
                            String area, String team) {

    public static final int MAX_DAYS = 366;
    private static final int MAX_FILTER_LENGTH = 200;
    private static final String WHEN = "must be a date (2026-03-29) or a date-time (2026-03-29T08:00, with an offset "
            + "or in the tenant's time zone)";

    /** Reads the query parameters; every invalid one is listed in one 422 problem. */
    public static ReportRequest parse(String from, String to, String type, String area, String team, ZoneId zone,
                                      Set<String> knownTypes) {
        var errors = new ArrayList<FieldError>();
        var start = moment("from", from, zone, errors);
        var end = moment("to", to, zone, errors);
        var typeFilter = filter("type", type, errors);
        if (typeFilter != null && !knownTypes.contains(typeFilter)) {
            errors.add(new FieldError("type", "unknown type '" + typeFilter + "'"));
        }
        var areaFilter = filter("area", area, errors);
        var teamFilter = filter("team", team, errors);
        if (start != null && end != null) checkRange(start, end, zone, errors);
        if (!errors.isEmpty()) throw ProblemException.invalid(errors);
        return new ReportRequest(start, end, zone, localDay(start, zone), dayAfter(end, zone), typeFilter, areaFilter,
                teamFilter);
    }

    /** How many local days the report has a bucket for. */
    public long days() {
        return ChronoUnit.DAYS.between(firstDay, endDay);
    }

    /** The first instant of a local day, where the tenant's day begins (not always at 00:00 on a DST change). */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    private static void checkRange(Instant start, Instant end, ZoneId zone, List<FieldError> errors) {
        if (!start.isBefore(end)) {
            errors.add(new FieldError("to", "must be after from"));
        } else if (ChronoUnit.DAYS.between(localDay(start, zone), dayAfter(end, zone)) > MAX_DAYS) {
            errors.add(new FieldError("to", "the range may span at most " + MAX_DAYS + " days"));
        }
    }

    static Instant moment(String field, String value, ZoneId zone, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required; " + WHEN));
            return null;
        }
        var text = value.strip();
        try {
            if (text.length() == 10) return LocalDate.parse(text).atStartOfDay(zone).toInstant();
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$")) return OffsetDateTime.parse(text).toInstant();
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            errors.add(new FieldError(field, WHEN));
            return null;
        }
    }

    private static String filter(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) return null;
        if (value.length() > MAX_FILTER_LENGTH) {
            errors.add(new FieldError(field, "must be at most " + MAX_FILTER_LENGTH + " characters"));
            return null;
        }
        return value.strip();
    }

    private static LocalDate localDay(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate();
    }

    /** The local day after the last one the exclusive end reaches into. */
    private static LocalDate dayAfter(Instant end, ZoneId zone) {
        var day = localDay(end, zone);
        return day.atStartOfDay(zone).toInstant().equals(end) ? day : day.plusDays(1);
    }
}
