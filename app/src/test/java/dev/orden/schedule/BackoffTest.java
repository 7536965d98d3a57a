package dev.orden.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(10));

    @Test
    void doublesFromTheBaseAfterEachFailure() {
        assertEquals(Duration.ofSeconds(30), backoff.after(1));
        assertEquals(Duration.ofSeconds(60), backoff.after(2));
        assertEquals(Duration.ofSeconds(120), backoff.after(3));
        assertEquals(Duration.ofSeconds(480), backoff.after(5));
    }

    @Test
    void neverWaitsLongerThanTheMaximumEvenAfterManyFailures() {
        assertEquals(Duration.ofMinutes(10), backoff.after(6));
        assertEquals(Duration.ofMinutes(10), backoff.after(64));
        assertEquals(Duration.ofMinutes(10), backoff.after(Integer.MAX_VALUE));
    }

    @Test
    void noAttemptYetIsTheBase() {
        assertEquals(Duration.ofSeconds(30), backoff.after(0));
    }

    @Test
    void aBaseAboveTheMaximumOrNotPositiveIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1)));
    }
}
