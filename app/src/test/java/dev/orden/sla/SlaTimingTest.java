package dev.orden.sla;

import static dev.orden.sla.BusinessCalendarTest.madrid;
import static dev.orden.sla.BusinessCalendarTest.officeHours;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Re-timing on a target change and the warning point, over Madrid office hours (9–18, weekdays, 8 Dec off). */
class SlaTimingTest {

    static final BusinessCalendar OFFICE = officeHours();

    @Test
    void whatIsLeftIsBusinessTimeAndNegativeWhenOverdue() {
        assertEquals(Duration.ofHours(2), SlaTiming.left(OFFICE, madrid("2026-11-27T17:00"), madrid("2026-11-30T10:00")));
        assertEquals(Duration.ofHours(-2), SlaTiming.left(OFFICE, madrid("2026-11-30T10:00"), madrid("2026-11-27T17:00")));
    }

    @Test
    void aLongerTargetAddsTheDifferenceInBusinessTime() {
        // Friday 17:00, 1 h left of a 4 h target (due Friday 18:00) becomes 5 h left of 8 h: Monday 13:00.
        assertEquals(madrid("2026-11-30T13:00"), SlaTiming.retargeted(OFFICE, OFFICE, madrid("2026-11-27T17:00"),
                madrid("2026-11-27T18:00"), Duration.ofHours(4), Duration.ofHours(8)));
    }

    @Test
    void aShorterTargetKeepsTheTimeAlreadyUsed() {
        // Monday 10:00, 6 h left of 8 h (2 h used) becomes 2 h left of 4 h: 12:00. Monday 17:00, 5 h left of 8 h
        // (Monday's last hour, the holiday, Wednesday to 13:00) becomes 3 h left of 6 h: Wednesday 11:00.
        assertEquals(madrid("2026-12-07T12:00"), SlaTiming.retargeted(OFFICE, OFFICE, madrid("2026-12-07T10:00"),
                madrid("2026-12-07T16:00"), Duration.ofHours(8), Duration.ofHours(4)));
        assertEquals(madrid("2026-12-09T11:00"), SlaTiming.retargeted(OFFICE, OFFICE, madrid("2026-12-07T17:00"),
                madrid("2026-12-09T13:00"), Duration.ofHours(8), Duration.ofHours(6)));
    }

    @Test
    void aTargetShortenedBelowTheTimeUsedIsDueAtOnce() {
        var now = madrid("2026-11-25T15:00");
        assertEquals(now, SlaTiming.retargeted(OFFICE, OFFICE, now, madrid("2026-11-25T16:00"), Duration.ofHours(4),
                Duration.ofHours(2)));
        assertEquals(now, SlaTiming.retargeted(OFFICE, OFFICE, now, madrid("2026-11-25T14:00"), Duration.ofHours(1),
                Duration.ofMinutes(30)), "already overdue and shorter still");
    }

    @Test
    void anotherCalendarCountsWhatIsLeftInTheOldOneAndAddsItInTheNew() {
        var always = BusinessCalendar.always(ZoneOffset.UTC);
        // Friday 17:00 Madrid, 2 h left in office hours (Monday 10:00); round the clock those are 2 h: 19:00.
        assertEquals(madrid("2026-11-27T19:00"), SlaTiming.retargeted(OFFICE, always, madrid("2026-11-27T17:00"),
                madrid("2026-11-30T10:00"), Duration.ofHours(4), Duration.ofHours(4)));
    }

    @Test
    void theWarningComesWhenEightyPercentIsUsedIfThatIsStillAhead() {
        var from = madrid("2026-11-27T14:00");
        assertEquals(Optional.of(madrid("2026-11-30T10:12")), SlaTiming.warning(OFFICE, madrid("2026-11-27T16:00"),
                Duration.ofHours(4), Duration.ofHours(4)), "a fresh 4 h clock: 3 h 12 min of business time on");
        assertEquals(Optional.of(madrid("2026-11-27T14:12")), SlaTiming.warning(OFFICE, from, Duration.ofMinutes(60),
                Duration.ofHours(4)), "resumed with 60 min left: 12 min before the last 48");
        assertEquals(Optional.empty(), SlaTiming.warning(OFFICE, from, Duration.ofMinutes(48), Duration.ofHours(4)),
                "at the warning point: it was due already");
        assertEquals(Optional.empty(), SlaTiming.warning(OFFICE, from, Duration.ofMinutes(-5), Duration.ofHours(4)));
    }
}
