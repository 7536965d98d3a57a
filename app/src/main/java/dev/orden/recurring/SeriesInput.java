package dev.orden.recurring;

import dev.orden.schedule.Cron;
import dev.orden.shared.problem.FieldError;
import dev.orden.shared.problem.ProblemException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a series from request JSON, collecting every problem with its field ({@code schedule.every},
 * {@code zone}, …) before failing once. The template's own fields are the create request's and are checked by the
 * work-order service; here only that it is an object without the fields a series sets itself.
 */
final class SeriesInput {

    static final int MAX_LEAD_DAYS = 366;
    private static final Set<String> FIELDS = Set.of("name", "template", "schedule", "zone", "leadDays", "endsOn",
            "maxOccurrences");
    private static final Set<String> TEMPLATE_FIELDS = Set.of("type", "title", "description", "priority",
            "customFields", "team", "area", "assignee");
    private static final Set<String> KINDS = Set.of("interval", "weekdays", "cron", "afterCompletion");

    private final List<FieldError> errors = new ArrayList<>();

    private SeriesInput() {}

    /** The series {@code body} defines; a zone left out is {@code defaultZone}, a start left out today there. */
    static SeriesDefinition read(JsonObject body, ZoneId defaultZone, Instant now) {
        var input = new SeriesInput();
        input.unknown(body, FIELDS, "");
        var name = input.text(body, "name", "name", 200, true);
        var template = input.template(body.get("template"));
        var zone = input.zone(body.get("zone"), defaultZone);
        var today = now.atZone(zone == null ? defaultZone : zone).toLocalDate();
        var schedule = input.schedule(body.get("schedule"), today);
        var leadDays = input.integer(body, "leadDays", "leadDays", 0, MAX_LEAD_DAYS);
        var endsOn = input.date(body, "endsOn", "endsOn", null);
        var max = input.integer(body, "maxOccurrences", "maxOccurrences", 1, 1_000_000);
        if (schedule != null && endsOn != null && endsOn.isBefore(schedule.start())) {
            input.errors.add(new FieldError("endsOn", "must not be before the schedule's start " + schedule.start()));
        }
        if (!input.errors.isEmpty()) throw ProblemException.invalid(input.errors);
        return new SeriesDefinition(name, template, schedule, zone, leadDays == null ? 0 : leadDays, endsOn, max);
    }

    private JsonObject template(JsonValue value) {
        if (!(value instanceof JsonObject template)) {
            errors.add(new FieldError("template", value == null ? "is required" : "must be an object"));
            return null;
        }
        unknown(template, TEMPLATE_FIELDS, "template.", " (a series sets dueAt and the requester itself)");
        return template;
    }

    private ZoneId zone(JsonValue value, ZoneId defaultZone) {
        if (value == null || value == JsonValue.NULL) return defaultZone;
        if (value instanceof JsonString text) {
            try {
                return ZoneId.of(text.getString().strip());
            } catch (DateTimeException e) {
                // reported below
            }
        }
        errors.add(new FieldError("zone", "must be an IANA time zone id, e.g. Europe/Madrid"));
        return null;
    }

    private Schedule schedule(JsonValue value, LocalDate today) {
        if (!(value instanceof JsonObject schedule)) {
            errors.add(new FieldError("schedule", value == null ? "is required" : "must be an object"));
            return null;
        }
        var kind = text(schedule, "kind", "schedule.kind", 20, true);
        if (kind == null) return null;
        if (!KINDS.contains(kind)) {
            errors.add(new FieldError("schedule.kind", "must be one of interval, weekdays, cron, afterCompletion"));
            return null;
        }
        int reported = errors.size();
        var start = date(schedule, "start", "schedule.start", today);
        Schedule read = switch (kind) {
            case "interval" -> interval(schedule, start);
            case "weekdays" -> {
                unknown(schedule, Set.of("kind", "days", "start", "time"), "schedule.", "");
                yield new Schedule.Weekdays(weekdays(schedule.get("days")), start, time(schedule));
            }
            case "cron" -> {
                unknown(schedule, Set.of("kind", "cron", "start"), "schedule.", "");
                yield new Schedule.CronTimes(cron(schedule), start);
            }
            default -> {
                unknown(schedule, Set.of("kind", "days", "start", "time"), "schedule.", "");
                var days = integer(schedule, "days", "schedule.days", 1, 3660);
                var time = time(schedule);
                yield days == null ? null : new Schedule.AfterCompletion(days, start, time);
            }
        };
        return errors.size() == reported ? read : null;
    }

    private Schedule interval(JsonObject schedule, LocalDate start) {
        unknown(schedule, Set.of("kind", "every", "unit", "start", "time"), "schedule.", "");
        var every = integer(schedule, "every", "schedule.every", 1, 1000);
        if (every == null && !schedule.containsKey("every")) errors.add(new FieldError("schedule.every", "is required"));
        var unitText = text(schedule, "unit", "schedule.unit", 10, true);
        Schedule.Unit unit = null;
        if (unitText != null) {
            try {
                unit = Schedule.Unit.valueOf(unitText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("schedule.unit", "must be days, weeks or months"));
            }
        }
        var time = time(schedule);
        return every == null || unit == null ? null : new Schedule.Interval(every, unit, start, time);
    }

    private Set<DayOfWeek> weekdays(JsonValue value) {
        var days = EnumSet.noneOf(DayOfWeek.class);
        if (!(value instanceof jakarta.json.JsonArray array) || array.isEmpty()) {
            errors.add(new FieldError("schedule.days", "must be a non-empty list of weekdays, e.g. [\"MON\", \"THU\"]"));
            return Set.of(DayOfWeek.MONDAY);
        }
        for (var day : array) {
            var parsed = day instanceof JsonString text ? weekday(text.getString()) : null;
            if (parsed == null) {
                errors.add(new FieldError("schedule.days", "has " + day + ", not one of MON, TUE, WED, THU, FRI, SAT, SUN"));
            } else {
                days.add(parsed);
            }
        }
        return days.isEmpty() ? Set.of(DayOfWeek.MONDAY) : days;
    }

    private static DayOfWeek weekday(String text) {
        var upper = text.strip().toUpperCase(Locale.ROOT);
        if (upper.length() < 3) return null;
        for (var day : DayOfWeek.values()) {
            if (day.name().startsWith(upper) && (upper.length() == 3 || day.name().equals(upper))) return day;
        }
        return null;
    }

    private Cron cron(JsonObject schedule) {
        var expression = text(schedule, "cron", "schedule.cron", 200, true);
        if (expression == null) return null;
        try {
            return Cron.parse(expression);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("schedule.cron", e.getMessage()));
            return null;
        }
    }

    private LocalTime time(JsonObject schedule) {
        var text = text(schedule, "time", "schedule.time", 8, true);
        if (text == null) return null;
        try {
            return LocalTime.parse(text);
        } catch (DateTimeException e) {
            errors.add(new FieldError("schedule.time", "must be a time of day, HH:mm"));
            return null;
        }
    }

    private LocalDate date(JsonObject json, String key, String field, LocalDate otherwise) {
        var text = text(json, key, field, 10, false);
        if (text == null) return otherwise;
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            errors.add(new FieldError(field, "must be a date, YYYY-MM-DD"));
            return otherwise;
        }
    }

    private Integer integer(JsonObject json, String key, String field, int min, int max) {
        var value = json.get(key);
        if (value == null || value == JsonValue.NULL) return null;
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            errors.add(new FieldError(field, "must be a whole number"));
            return null;
        }
        var n = number.bigIntegerValue();
        if (n.compareTo(java.math.BigInteger.valueOf(min)) < 0 || n.compareTo(java.math.BigInteger.valueOf(max)) > 0) {
            errors.add(new FieldError(field, "must be between " + min + " and " + max));
            return null;
        }
        return n.intValue();
    }

    private String text(JsonObject json, String key, String field, int max, boolean required) {
        var value = json.get(key);
        if (value == null || value == JsonValue.NULL) {
            if (required) errors.add(new FieldError(field, "is required"));
            return null;
        }
        if (!(value instanceof JsonString string)) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        var text = string.getString().strip();
        if (text.isEmpty()) {
            if (required) errors.add(new FieldError(field, "must not be blank"));
            return null;
        }
        if (text.length() > max) errors.add(new FieldError(field, "must be at most " + max + " characters"));
        return text;
    }

    private void unknown(JsonObject json, Set<String> allowed, String hint) {
        unknown(json, allowed, "", hint);
    }

    private void unknown(JsonObject json, Set<String> allowed, String prefix, String hint) {
        json.keySet().stream().filter(k -> !allowed.contains(k)).sorted()
                .forEach(k -> errors.add(new FieldError(prefix + k, "is not a field that can be set here" + hint)));
    }
}
