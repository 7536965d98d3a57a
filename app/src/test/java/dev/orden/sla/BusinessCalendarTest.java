package dev.orden.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orden.sla.BusinessCalendar.Hours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    static final LocalDate IMMACULATE_CONCEPTION = LocalDate.of(2026, 12, 8); // a Tuesday

    static BusinessCalendar officeHours() {
        Map<DayOfWeek, List<Hours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(day, List.of(new Hours(LocalTime.of(9, 0), LocalTime.of(18, 0))));
        }
        return new BusinessCalendar(MADRID, week, Set.of(IMMACULATE_CONCEPTION));
    }

    static Instant madrid(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MADRID).toInstant();
    }

    @Test
    void withinOneDay() {
        assertEquals(madrid("2026-11-25T13:30"), officeHours().plus(madrid("2026-11-25T10:00"), Duration.ofMinutes(210)));
    }

    @Test
    void aStartBeforeOpeningCountsFromOpening() {
        assertEquals(madrid("2026-11-25T10:00"), officeHours().plus(madrid("2026-11-25T07:15"), Duration.ofHours(1)));
    }

    @Test
    void theWeekendIsSkipped() {
        // Friday 17:00 + 4 h: one hour on Friday, three on Monday
        assertEquals(madrid("2026-11-30T12:00"), officeHours().plus(madrid("2026-11-27T17:00"), Duration.ofHours(4)));
        // a Saturday start waits for Monday's opening
        assertEquals(madrid("2026-11-30T09:30"), officeHours().plus(madrid("2026-11-28T11:00"), Duration.ofMinutes(30)));
    }

    @Test
    void aHolidayIsSkipped() {
        // Monday 17:00 + 2 h: Tuesday 8 December is a holiday
        assertEquals(madrid("2026-12-09T10:00"), officeHours().plus(madrid("2026-12-07T17:00"), Duration.ofHours(2)));
    }

    @Test
    void anExactEndOfDayStaysOnThatDay() {
        assertEquals(madrid("2026-11-25T18:00"), officeHours().plus(madrid("2026-11-25T09:00"), Duration.ofHours(9)));
    }

    @Test
    void hoursAreReadInTheZoneAcrossTheSpringChange() {
        // Friday 27 March 2026 17:00 CET (16:00Z) + 2 h: Monday 10:00 CEST, which is 08:00Z, not 09:00Z
        assertEquals(Instant.parse("2026-03-30T08:00:00Z"),
                officeHours().plus(madrid("2026-03-27T17:00"), Duration.ofHours(2)));
    }

    @Test
    void aNightShiftOverTheChangeCountsRealTime() {
        Map<DayOfWeek, List<Hours>> week = new EnumMap<>(DayOfWeek.class);
        week.put(DayOfWeek.SUNDAY, List.of(new Hours(LocalTime.MIDNIGHT, LocalTime.of(6, 0))));
        var night = new BusinessCalendar(MADRID, week, Set.of());
        // Sunday 29 March 2026 skips 02:00-03:00, 25 October repeats it
        assertEquals(Duration.ofHours(5), night.between(madrid("2026-03-29T00:00"), madrid("2026-03-29T12:00")));
        assertEquals(Duration.ofHours(7), night.between(madrid("2026-10-25T00:00"), madrid("2026-10-25T12:00")));
        assertEquals(madrid("2026-03-29T05:00"), night.plus(madrid("2026-03-29T00:00"), Duration.ofHours(4)));
    }

    @Test
    void aRoundTheClockCalendarIsPlainTime() {
        var always = BusinessCalendar.always(MADRID);
        Instant start = madrid("2026-03-28T12:00");
        assertEquals(start.plus(Duration.ofHours(30)), always.plus(start, Duration.ofHours(30)));
        assertEquals(Duration.ofHours(30), always.between(start, start.plus(Duration.ofHours(30))));
    }

    @Test
    void betweenCountsOnlyBusinessTime() {
        // a pause from Friday 17:00 to Monday 10:00 over a weekend holds two business hours
        assertEquals(Duration.ofHours(2), officeHours().between(madrid("2026-11-27T17:00"), madrid("2026-11-30T10:00")));
        assertEquals(Duration.ZERO, officeHours().between(madrid("2026-11-28T10:00"), madrid("2026-11-29T20:00")));
        assertEquals(Duration.ZERO, officeHours().between(madrid("2026-11-30T10:00"), madrid("2026-11-27T10:00")));
    }

    @Test
    void aPauseMovesTheDueDateByTheBusinessTimeItHeld() {
        var calendar = officeHours();
        Instant created = madrid("2026-11-26T16:00");
        Instant due = calendar.plus(created, Duration.ofHours(8));
        assertEquals(madrid("2026-11-27T15:00"), due);
        Duration paused = calendar.between(madrid("2026-11-27T10:00"), madrid("2026-11-30T11:30"));
        // 10.5 business hours paused (Friday 10-18, Monday 9-11:30): three on Friday after 15:00, 7.5 on Monday
        assertEquals(madrid("2026-11-30T16:30"), calendar.plus(due, paused));
    }

    @Test
    void aCalendarWithNoHoursIsRefused() {
        var closed = new BusinessCalendar(MADRID, Map.of(), Set.of());
        assertThrows(IllegalStateException.class, () -> closed.plus(madrid("2026-11-27T10:00"), Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> new Hours(LocalTime.of(18, 0), LocalTime.of(9, 0)));
    }
}
