package dev.orden.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.schedule.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AttemptTest {

    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));
    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

    private static Attempt.Verdict judge(Attempt attempt, int number) {
        return attempt.judge(number, 5, BACKOFF, NOW);
    }

    @Test
    void anyTwoHundredIsDelivered() {
        assertInstanceOf(Attempt.Verdict.Delivered.class, judge(Attempt.answered(200, 12, null), 1));
        assertInstanceOf(Attempt.Verdict.Delivered.class, judge(Attempt.answered(204, 12, null), 5));
    }

    @Test
    void serverErrorsAndNoAnswerAreRetriedWithDoublingWaits() {
        assertEquals(new Attempt.Verdict.Retry(NOW.plusSeconds(30)), judge(Attempt.answered(500, 5, null), 1));
        assertEquals(new Attempt.Verdict.Retry(NOW.plusSeconds(60)), judge(Attempt.answered(503, 5, null), 2));
        assertEquals(new Attempt.Verdict.Retry(NOW.plusSeconds(120)),
                judge(Attempt.unanswered("connection refused", 1), 3));
        assertEquals(new Attempt.Verdict.Retry(NOW.plusSeconds(240)), judge(Attempt.unanswered("timed out", 1), 4));
    }

    @Test
    void timeoutAndThrottlingAnswersAreRetriedButOtherClientErrorsAreFinal() {
        assertInstanceOf(Attempt.Verdict.Retry.class, judge(Attempt.answered(408, 5, null), 1));
        assertInstanceOf(Attempt.Verdict.Retry.class, judge(Attempt.answered(429, 5, null), 1));
        assertEquals(new Attempt.Verdict.Failed("HTTP 400"), judge(Attempt.answered(400, 5, null), 1));
        assertEquals(new Attempt.Verdict.Failed("HTTP 410"), judge(Attempt.answered(410, 5, null), 1));
        assertEquals(new Attempt.Verdict.Failed("HTTP 301"), judge(Attempt.answered(301, 5, null), 1));
    }

    @Test
    void theLastAllowedAttemptGivesUpSayingWhy() {
        var verdict = judge(Attempt.answered(502, 5, null), 5);
        assertEquals(new Attempt.Verdict.Failed("gave up after 5 attempts: HTTP 502"), verdict);
    }

    @Test
    void aRefusedAddressIsNeverRetried() {
        var verdict = judge(Attempt.refusedToSend("not sent: host resolves to 10.0.0.1"), 1);
        assertInstanceOf(Attempt.Verdict.Failed.class, verdict);
    }

    @Test
    void retryAfterLengthensTheWaitButNeverPastTheMaximum() {
        assertEquals(new Attempt.Verdict.Retry(NOW.plusSeconds(600)),
                judge(Attempt.answered(429, 5, Attempt.retryAfter(Optional.of("600"))), 1));
        assertEquals(new Attempt.Verdict.Retry(NOW.plusSeconds(30)),
                judge(Attempt.answered(429, 5, Attempt.retryAfter(Optional.of("5"))), 1), "never sooner than backoff");
        assertEquals(new Attempt.Verdict.Retry(NOW.plus(Duration.ofHours(1))),
                judge(Attempt.answered(503, 5, Attempt.retryAfter(Optional.of("86400"))), 1));
        assertEquals(null, Attempt.retryAfter(Optional.of("Wed, 21 Oct 2026 07:28:00 GMT")));
    }

    @Test
    void errorsSayWhatTheReceiverAnswered() {
        assertEquals("HTTP 500", Attempt.answered(500, 1, null).error());
        assertEquals(null, Attempt.answered(201, 1, null).error());
        assertTrue(Attempt.unanswered("timed out after 3000 ms", 3000).retryable());
    }
}
