package dev.orden.recurring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.orden.recurring.Series.Status;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SeriesTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private static Series series(Schedule schedule, Integer max, int generated) {
        var definition = new SeriesDefinition("s", JsonValue.EMPTY_JSON_OBJECT, schedule, UTC, 0, null, max);
        return new Series(UUID.randomUUID(), definition, Status.ACTIVE, Instant.parse("2026-03-02T08:00:00Z"),
                generated, 4, NOW, "me", NOW);
    }

    @Test
    void aMadeOccurrenceMovesTheSeriesOnToTheFollowingOne() {
        var daily = series(new Schedule.Interval(1, Schedule.Unit.DAYS, LocalDate.parse("2026-03-01"),
                LocalTime.of(8, 0)), 3, 1);
        var moved = daily.advancedPast(Instant.parse("2026-03-02T08:00:00Z"), 2, NOW);
        assertEquals(Status.ACTIVE, moved.status());
        assertEquals(Instant.parse("2026-03-03T08:00:00Z"), moved.nextOccurrence());
        assertEquals(2, moved.generated());
        assertEquals(5, moved.revision(), "a new revision re-times the job");
        var last = moved.advancedPast(moved.nextOccurrence(), 3, NOW);
        assertEquals(Status.ENDED, last.status(), "the third of at most three");
        assertNull(last.nextOccurrence());
    }

    @Test
    void anAfterCompletionSeriesWaitsUntilExhausted() {
        var schedule = new Schedule.AfterCompletion(7, LocalDate.parse("2026-03-01"), LocalTime.of(8, 0));
        var waiting = series(schedule, 2, 0).advancedPast(Instant.parse("2026-03-02T08:00:00Z"), 1, NOW);
        assertEquals(Status.ACTIVE, waiting.status());
        assertNull(waiting.nextOccurrence(), "the next one waits for the completion");
        assertEquals(Status.ENDED, series(schedule, 2, 1).advancedPast(NOW, 2, NOW).status());
    }
}
