package dev.orden.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettlementTest {

    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));
    private static final Instant NOW = Instant.parse("2026-03-06T12:00:00Z");
    private static final Instant TOMORROW = NOW.plus(Duration.ofDays(1));

    @Test
    void aRecurringJobDoneIsDueAtItsNextTimeAndAOneOffIsRemoved() {
        assertEquals(new Settlement.Reschedule(TOMORROW, null), Settlement.afterSuccess(Optional.of(TOMORROW)));
        assertEquals(new Settlement.Remove(), Settlement.afterSuccess(Optional.empty()));
    }

    @Test
    void aFailureWithAttemptsLeftIsRetriedAfterTheBackoffWithoutAskingForTheNextTime() {
        assertEquals(new Settlement.Retry(NOW.plusSeconds(30), "boom"),
                Settlement.afterFailure(1, 5, BACKOFF, NOW, "boom", () -> fail("not needed")));
        assertEquals(new Settlement.Retry(NOW.plusSeconds(240), "boom"),
                Settlement.afterFailure(4, 5, BACKOFF, NOW, "boom", () -> fail("not needed")));
    }

    @Test
    void theLastAttemptMovesARecurringJobOnAndGivesAOneOffUp() {
        assertEquals(new Settlement.Reschedule(TOMORROW, "given up after 5 attempts: boom"),
                Settlement.afterFailure(5, 5, BACKOFF, NOW, "boom", () -> Optional.of(TOMORROW)));
        assertEquals(new Settlement.GiveUp("given up after 6 attempts: boom"),
                Settlement.afterFailure(6, 5, BACKOFF, NOW, "boom", Optional::empty));
    }
}
