package dev.orden.recurring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orden.recurring.Schedule.Unit;
import dev.orden.schedule.Cron;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final LocalTime EIGHT = LocalTime.of(8, 0);

    private static Plan plan(Schedule schedule, ZoneId zone) {
        return new Plan(schedule, zone, 0, null, null);
    }

    private static Instant at(String local, ZoneId zone) {
        return java.time.LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    /** The first {@code n} occurrences from {@code from}, as local date-times of {@code zone}. */
    private static List<String> occurrences(Plan plan, Instant from, int n) {
        var out = new ArrayList<String>();
        var next = plan.firstAfter(from, 0);
        while (next.isPresent() && out.size() < n) {
            out.add(next.get().atZone(plan.zone()).toLocalDateTime().toString());
            next = plan.after(next.get(), out.size());
        }
        return out;
    }

    @Test
    void everyNDaysCountsFromTheStart() {
        var every3 = plan(new Schedule.Interval(3, Unit.DAYS, LocalDate.parse("2026-03-01"), EIGHT), UTC);
        assertEquals(List.of("2026-03-01T08:00", "2026-03-04T08:00", "2026-03-07T08:00"),
                occurrences(every3, at("2026-02-20T00:00", UTC), 3));
        assertEquals(Optional.of(at("2026-03-10T08:00", UTC)), every3.firstAfter(at("2026-03-07T08:00", UTC), 0),
                "strictly after: an occurrence at exactly 'after' is not the next");
        assertEquals(Optional.of(at("2026-03-07T08:00", UTC)), every3.firstAfter(at("2026-03-05T12:00", UTC), 0));
    }

    @Test
    void everyNWeeksKeepsTheStartsWeekday() {
        var fortnightly = plan(new Schedule.Interval(2, Unit.WEEKS, LocalDate.parse("2026-03-02"), EIGHT), UTC);
        assertEquals(List.of("2026-03-16T08:00", "2026-03-30T08:00"),
                occurrences(fortnightly, at("2026-03-03T00:00", UTC), 2));
    }

    @Test
    void monthlyOnThe31stFallsOnEachMonthsLastDayAndComesBack() {
        var monthly = plan(new Schedule.Interval(1, Unit.MONTHS, LocalDate.parse("2026-01-31"), EIGHT), UTC);
        assertEquals(List.of("2026-01-31T08:00", "2026-02-28T08:00", "2026-03-31T08:00", "2026-04-30T08:00",
                "2026-05-31T08:00"), occurrences(monthly, at("2026-01-01T00:00", UTC), 5));
        assertEquals(Optional.of(at("2028-02-29T08:00", UTC)), monthly.firstAfter(at("2028-02-01T00:00", UTC), 0),
                "a leap year's February");
        var quarterly = plan(new Schedule.Interval(3, Unit.MONTHS, LocalDate.parse("2026-01-31"), EIGHT), UTC);
        assertEquals(List.of("2026-04-30T08:00", "2026-07-31T08:00"),
                occurrences(quarterly, at("2026-02-01T00:00", UTC), 2));
    }

    @Test
    void weekdaysAtTheirTime() {
        var monThu = plan(new Schedule.Weekdays(Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY),
                LocalDate.parse("2026-03-01"), EIGHT), UTC);
        // 2026-03-02 is a Monday.
        assertEquals(List.of("2026-03-02T08:00", "2026-03-05T08:00", "2026-03-09T08:00", "2026-03-12T08:00"),
                occurrences(monThu, at("2026-02-01T00:00", UTC), 4));
        assertEquals(Optional.of(at("2026-03-05T08:00", UTC)), monThu.firstAfter(at("2026-03-02T08:00", UTC), 0));
    }

    @Test
    void cronTimesInTheZoneFromTheStart() {
        var weekdayMornings = plan(new Schedule.CronTimes(Cron.parse("30 7 * * 1-5"), LocalDate.parse("2026-03-06")),
                MADRID);
        // 2026-03-06 is a Friday; Madrid is UTC+1 in winter.
        assertEquals(List.of("2026-03-06T07:30", "2026-03-09T07:30"),
                occurrences(weekdayMornings, at("2026-03-01T00:00", MADRID), 2));
        assertEquals(Optional.of(Instant.parse("2026-03-06T06:30:00Z")),
                weekdayMornings.firstAfter(at("2026-03-01T00:00", MADRID), 0));
    }

    @Test
    void localTimesStayPutAcrossDstInMadrid() {
        // Spring forward on 2026-03-29 (02:00 → 03:00, UTC+1 → UTC+2), fall back on 2026-10-25.
        var daily = plan(new Schedule.Interval(1, Unit.DAYS, LocalDate.parse("2026-03-28"), EIGHT), MADRID);
        var first = daily.firstAfter(at("2026-03-27T12:00", MADRID), 0).orElseThrow();
        var second = daily.after(first, 1).orElseThrow();
        assertEquals(Instant.parse("2026-03-28T07:00:00Z"), first);
        assertEquals(Instant.parse("2026-03-29T06:00:00Z"), second, "08:00 summer time, 23 hours later");
        var weekly = plan(new Schedule.Weekdays(Set.of(DayOfWeek.SUNDAY), LocalDate.parse("2026-10-01"), EIGHT), MADRID);
        assertEquals(Optional.of(Instant.parse("2026-10-25T07:00:00Z")),
                weekly.firstAfter(at("2026-10-24T00:00", MADRID), 0), "08:00 winter time after falling back");
        var cron = plan(new Schedule.CronTimes(Cron.parse("0 8 * * *"), LocalDate.parse("2026-03-01")), MADRID);
        assertEquals(Optional.of(Instant.parse("2026-03-29T06:00:00Z")),
                cron.firstAfter(Instant.parse("2026-03-28T07:00:00Z"), 0));
    }

    @Test
    void aTimeTheSpringForwardSkipsMovesForwardByTheGap() {
        var night = plan(new Schedule.Interval(1, Unit.DAYS, LocalDate.parse("2026-03-28"), LocalTime.of(2, 30)),
                MADRID);
        var skipped = night.after(at("2026-03-28T02:30", MADRID), 1).orElseThrow();
        assertEquals(ZonedDateTime.of(2026, 3, 29, 3, 30, 0, 0, MADRID).toInstant(), skipped);
        assertEquals(at("2026-03-30T02:30", MADRID), night.after(skipped, 2).orElseThrow());
    }

    @Test
    void anEndDateAndAMaximumStopTheSeries() {
        var untilThe3rd = new Plan(new Schedule.Interval(1, Unit.DAYS, LocalDate.parse("2026-03-01"), EIGHT), UTC, 0,
                LocalDate.parse("2026-03-03"), null);
        assertEquals(List.of("2026-03-01T08:00", "2026-03-02T08:00", "2026-03-03T08:00"),
                occurrences(untilThe3rd, at("2026-02-01T00:00", UTC), 10));
        var twice = new Plan(new Schedule.Interval(1, Unit.WEEKS, LocalDate.parse("2026-03-01"), EIGHT), UTC, 0, null, 2);
        assertEquals(List.of("2026-03-01T08:00", "2026-03-08T08:00"), occurrences(twice, at("2026-02-01T00:00", UTC), 10));
        assertEquals(Optional.empty(), twice.firstAfter(at("2026-02-01T00:00", UTC), 2), "resumed after its last");
    }

    @Test
    void afterDowntimeOnlyTheLatestMissedOccurrenceIsMade() {
        var daily = new Plan(new Schedule.Interval(1, Unit.DAYS, LocalDate.parse("2026-03-01"), EIGHT), UTC, 0, null,
                null);
        var now = at("2026-03-05T09:00", UTC);
        assertEquals(at("2026-03-05T08:00", UTC), daily.latestDue(at("2026-03-01T08:00", UTC), now));
        assertEquals(at("2026-03-01T08:00", UTC), daily.latestDue(at("2026-03-01T08:00", UTC),
                at("2026-03-01T08:00:01", UTC)), "on time: the one due");
        var ahead = new Plan(daily.schedule(), UTC, 2, null, null);
        assertEquals(at("2026-03-07T08:00", UTC), ahead.latestDue(at("2026-03-01T08:00", UTC), now),
                "with two days' lead the order for the 7th is already due");
        assertEquals(at("2026-03-05T08:00", UTC), ahead.createAt(at("2026-03-07T08:00", UTC)));
    }

    @Test
    void afterCompletionKnowsOnlyTheFirstAheadThenCountsFromTheCompletion() {
        var schedule = new Schedule.AfterCompletion(7, LocalDate.parse("2026-03-10"), EIGHT);
        var plan = plan(schedule, MADRID);
        var first = plan.firstAfter(at("2026-03-01T00:00", MADRID), 0).orElseThrow();
        assertEquals(at("2026-03-10T08:00", MADRID), first);
        assertEquals(Optional.empty(), plan.after(first, 1));
        assertEquals(at("2026-03-19T08:00", MADRID), schedule.afterCompleted(at("2026-03-12T17:45", MADRID), MADRID));
    }
}
