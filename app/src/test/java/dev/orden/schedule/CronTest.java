package dev.orden.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CronTest {

    @Test
    void weekdayMorningsSkipTheWeekend() {
        var cron = Cron.parse(" 0 7 * * 1-5 ");
        assertEquals("0 7 * * 1-5", cron.expression());
        var fridayNoon = Instant.parse("2026-03-06T12:00:00Z");
        assertEquals(Optional.of(Instant.parse("2026-03-09T07:00:00Z")), cron.next(fridayNoon, ZoneOffset.UTC));
    }

    @Test
    void theNextTimeIsStrictlyAfterTheGivenOne() {
        var cron = Cron.parse("*/15 * * * *");
        var quarter = Instant.parse("2026-03-06T12:15:00Z");
        assertEquals(Optional.of(Instant.parse("2026-03-06T12:30:00Z")), cron.next(quarter, ZoneOffset.UTC));
        assertEquals(Optional.of(Instant.parse("2026-03-06T12:15:00Z")),
                cron.next(quarter.minusMillis(1), ZoneOffset.UTC));
    }

    @Test
    void timesAreOnTheWallClockOfTheZoneAcrossDaylightSaving() {
        var cron = Cron.parse("0 7 * * *");
        var madrid = ZoneId.of("Europe/Madrid");
        assertEquals(Instant.parse("2026-03-28T06:00:00Z"), cron.next(Instant.parse("2026-03-27T12:00:00Z"), madrid)
                .orElseThrow(), "winter: UTC+1");
        assertEquals(Instant.parse("2026-03-30T05:00:00Z"), cron.next(Instant.parse("2026-03-29T12:00:00Z"), madrid)
                .orElseThrow(), "summer: UTC+2");
    }

    @Test
    void theFirstOfTheMonthAndNamesWork() {
        assertEquals(Instant.parse("2026-04-01T00:00:00Z"), Cron.parse("0 0 1 * *")
                .next(Instant.parse("2026-03-06T00:00:00Z"), ZoneOffset.UTC).orElseThrow());
        assertEquals(Instant.parse("2026-03-09T08:30:00Z"), Cron.parse("30 8 * * MON")
                .next(Instant.parse("2026-03-06T00:00:00Z"), ZoneOffset.UTC).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "every morning", "61 * * * *", "0 24 * * *", "0 0 32 * *", "0 0 * 13 *",
            "0 0 7 * * ?", "* * * *"})
    void whatIsNotAFiveFieldCronIsRefusedSayingSo(String expression) {
        var e = assertThrows(IllegalArgumentException.class, () -> Cron.parse(expression));
        assertTrue(e.getMessage().startsWith("is"), e.getMessage());
    }
}
