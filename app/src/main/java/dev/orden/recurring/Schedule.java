package dev.orden.recurring;

import dev.orden.schedule.Cron;
import dev.orden.shared.json.Json;
import jakarta.json.JsonObject;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * When a series' occurrences fall, on the wall clock of the series' zone. Every kind has a first day
 * ({@code start}); a local time that a DST change skips is moved forward by the gap (02:30 on the spring-forward
 * day is 03:30), one that occurs twice is the earlier (java.time's {@link ZonedDateTime#of} rules).
 */
sealed interface Schedule {

    enum Unit { DAYS, WEEKS, MONTHS }

    LocalDate start();

    /** The first occurrence strictly after {@code after}, not before {@code start}; empty if none comes. */
    Optional<Instant> next(Instant after, ZoneId zone);

    JsonObject json();

    /** Every {@code every} days, weeks or months from {@code start} at {@code time}; months keep the start's day where the month has it (the 31st, else the month's last day). */
    record Interval(int every, Unit unit, LocalDate start, LocalTime time) implements Schedule {

        @Override
        public Optional<Instant> next(Instant after, ZoneId zone) {
            var afterDay = after.atZone(zone).toLocalDate();
            long k = Math.max(0, steps(afterDay) - 1);
            while (true) {
                var at = ZonedDateTime.of(day(k), time, zone).toInstant();
                if (at.isAfter(after)) return Optional.of(at);
                k++;
            }
        }

        /** About how many steps lie between the start and {@code day} (never more than there are). */
        private long steps(LocalDate day) {
            if (!day.isAfter(start)) return 0;
            return switch (unit) {
                case DAYS -> ChronoUnit.DAYS.between(start, day) / every;
                case WEEKS -> ChronoUnit.WEEKS.between(start, day) / every;
                case MONTHS -> ChronoUnit.MONTHS.between(start, day) / every;
            };
        }

        /** Each from the start, not from the one before: Jan 31, Feb 28, Mar 31 rather than Mar 28. */
        private LocalDate day(long k) {
            return switch (unit) {
                case DAYS -> start.plusDays(k * every);
                case WEEKS -> start.plusWeeks(k * every);
                case MONTHS -> start.plusMonths(k * every);
            };
        }

        @Override
        public JsonObject json() {
            return Json.createObjectBuilder().add("kind", "interval").add("every", every)
                    .add("unit", unit.name().toLowerCase(Locale.ROOT)).add("start", start.toString())
                    .add("time", time.toString()).build();
        }
    }

    /** On the given days of the week at {@code time}, from {@code start}. */
    record Weekdays(Set<DayOfWeek> days, LocalDate start, LocalTime time) implements Schedule {

        public Weekdays {
            days = Set.copyOf(EnumSet.copyOf(days));
        }

        @Override
        public Optional<Instant> next(Instant after, ZoneId zone) {
            var afterDay = after.atZone(zone).toLocalDate();
            var day = afterDay.isBefore(start) ? start : afterDay;
            for (int i = 0; i < 8; i++, day = day.plusDays(1)) {
                if (!days.contains(day.getDayOfWeek())) continue;
                var at = ZonedDateTime.of(day, time, zone).toInstant();
                if (at.isAfter(after)) return Optional.of(at);
            }
            throw new IllegalStateException("no weekday in " + days);
        }

        @Override
        public JsonObject json() {
            var names = Json.createArrayBuilder();
            EnumSet.copyOf(days).forEach(d -> names.add(d.name().substring(0, 3)));
            return Json.createObjectBuilder().add("kind", "weekdays").add("days", names)
                    .add("start", start.toString()).add("time", time.toString()).build();
        }
    }

    /** The times of a five-field cron expression ({@link Cron}) from {@code start}. */
    record CronTimes(Cron cron, LocalDate start) implements Schedule {

        @Override
        public Optional<Instant> next(Instant after, ZoneId zone) {
            var startOfFirstDay = start.atStartOfDay(zone).toInstant().minusNanos(1);
            return cron.next(after.isBefore(startOfFirstDay) ? startOfFirstDay : after, zone);
        }

        @Override
        public JsonObject json() {
            return Json.createObjectBuilder().add("kind", "cron").add("cron", cron.expression())
                    .add("start", start.toString()).build();
        }
    }

    /**
     * The first at {@code start} and {@code time}; each further one {@code days} days after the day the one
     * before was completed, at {@code time}. Only the first is known ahead: the rest wait for a completion.
     */
    record AfterCompletion(int days, LocalDate start, LocalTime time) implements Schedule {

        @Override
        public Optional<Instant> next(Instant after, ZoneId zone) {
            var day = after.atZone(zone).toLocalDate();
            if (day.isBefore(start)) day = start;
            for (int i = 0; i < 3; i++, day = day.plusDays(1)) {
                var at = ZonedDateTime.of(day, time, zone).toInstant();
                if (at.isAfter(after)) return Optional.of(at);
            }
            throw new IllegalStateException("unreachable");
        }

        /** The occurrence after one completed at {@code completedAt}. */
        Instant afterCompleted(Instant completedAt, ZoneId zone) {
            return ZonedDateTime.of(completedAt.atZone(zone).toLocalDate().plusDays(days), time, zone).toInstant();
        }

        @Override
        public JsonObject json() {
            return Json.createObjectBuilder().add("kind", "afterCompletion").add("days", days)
                    .add("start", start.toString()).add("time", time.toString()).build();
        }
    }
}
