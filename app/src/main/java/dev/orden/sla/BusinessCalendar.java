package dev.orden.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tenant's business hours: weekly opening intervals read in a time zone, and holidays (whole local days). SLA
 * clocks run only inside these hours. Intervals are in local wall-clock time; the time they count is real elapsed
 * time, so an interval crossing a DST change counts an hour more or less, and a wall-clock time that does not exist
 * that day starts at the first instant after the gap (as {@link java.time.ZonedDateTime#of} resolves it).
 */
public record BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<Hours>> week, Set<LocalDate> holidays) {

    /** Days looked at before giving up on reaching a target (ten years: a calendar open at least once a year). */
    static final int HORIZON_DAYS = 3660;

    /** An opening interval of one day; {@code end} {@code null} means midnight at the end of the day (24:00). */
    public record Hours(LocalTime start, LocalTime end) {
        public Hours {
            if (end != null && !end.isAfter(start)) {
                throw new IllegalArgumentException("hours must end after they start: " + start + "-" + end);
            }
        }
    }

    public BusinessCalendar {
        week = Map.copyOf(week);
        holidays = Set.copyOf(holidays);
    }

    /** Open all day, every day, in UTC: the calendar of a tenant that configures none. */
    public static BusinessCalendar always(ZoneId zone) {
        Map<DayOfWeek, List<Hours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) week.put(day, List.of(new Hours(LocalTime.MIDNIGHT, null)));
        return new BusinessCalendar(zone, week, Set.of());
    }

    /** The instant at which {@code amount} of business time has passed since {@code start}. */
    public Instant plus(Instant start, Duration amount) {
        if (amount.isNegative()) throw new IllegalArgumentException("negative business time: " + amount);
        Duration left = amount;
        LocalDate day = LocalDate.ofInstant(start, zone).minusDays(1);
        for (int i = 0; i < HORIZON_DAYS; i++, day = day.plusDays(1)) {
            for (Window window : windows(day)) {
                Instant from = later(window.from(), start);
                if (!from.isBefore(window.to())) continue;
                Duration open = Duration.between(from, window.to());
                if (open.compareTo(left) >= 0) return from.plus(left);
                left = left.minus(open);
            }
        }
        throw new IllegalStateException("calendar has no business hours within " + HORIZON_DAYS + " days");
    }

    /** The business time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration between(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        if (!to.isAfter(from)) return total;
        LocalDate last = LocalDate.ofInstant(to, zone).plusDays(1);
        for (LocalDate day = LocalDate.ofInstant(from, zone).minusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            for (Window window : windows(day)) {
                Instant a = later(window.from(), from);
                Instant b = window.to().isBefore(to) ? window.to() : to;
                if (a.isBefore(b)) total = total.plus(Duration.between(a, b));
            }
        }
        return total;
    }

    private List<Window> windows(LocalDate day) {
        if (holidays.contains(day)) return List.of();
        return week.getOrDefault(day.getDayOfWeek(), List.of()).stream()
                .map(hours -> new Window(day.atTime(hours.start()).atZone(zone).toInstant(),
                        hours.end() == null ? day.plusDays(1).atStartOfDay(zone).toInstant()
                                : day.atTime(hours.end()).atZone(zone).toInstant()))
                .toList();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private record Window(Instant from, Instant to) {}
}
