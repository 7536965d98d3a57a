package dev.orden.tenant;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SignupRateLimiterTest {

    private static SignupRateLimiter limiter(int limit, Duration window) {
        var limiter = new SignupRateLimiter();
        limiter.limit = limit;
        limiter.window = window;
        return limiter;
    }

    @Test
    void allowsTheLimitThenRefusesWith429() {
        var limiter = limiter(3, Duration.ofHours(1));
        for (int i = 0; i < 3; i++) limiter.acquire("10.0.0.1");
        var refused = assertThrows(SignupRateLimiter.RateLimited.class, () -> limiter.acquire("10.0.0.1"));
        var problem = refused.problem();
        assertEquals(429, problem.status());
        assertEquals("https://orden.dev/problems/rate-limited", problem.type());
        assertTrue(refused.retryAfterSeconds() > 3_590 && refused.retryAfterSeconds() <= 3_600,
                "retry after " + refused.retryAfterSeconds());
        assertEquals("Too many sign-up attempts from your address; try again in " + refused.retryAfterSeconds() + " s",
                problem.detail());
    }

    @Test
    void retryAfterRoundsUpSoAClientThatWaitsIsLetIn() {
        // Refused well within the first second of a one-hour window: 3599.9... s remain, so 3599 would be too early.
        var limiter = limiter(1, Duration.ofHours(1));
        limiter.acquire("10.0.0.1");
        var refused = assertThrows(SignupRateLimiter.RateLimited.class, () -> limiter.acquire("10.0.0.1"));
        assertEquals(3_600, refused.retryAfterSeconds());
    }

    @Test
    void refusedAttemptsDoNotExtendTheWindow() {
        var limiter = limiter(1, Duration.ofHours(1));
        limiter.acquire("10.0.0.1");
        var first = assertThrows(SignupRateLimiter.RateLimited.class, () -> limiter.acquire("10.0.0.1"));
        for (int i = 0; i < 5; i++) {
            var again = assertThrows(SignupRateLimiter.RateLimited.class, () -> limiter.acquire("10.0.0.1"));
            assertTrue(again.retryAfterSeconds() <= first.retryAfterSeconds());
        }
    }

    @Test
    void addressesAreCountedSeparately() {
        var limiter = limiter(2, Duration.ofHours(1));
        limiter.acquire("10.0.0.1");
        limiter.acquire("10.0.0.1");
        assertThrows(SignupRateLimiter.RateLimited.class, () -> limiter.acquire("10.0.0.1"));
        assertDoesNotThrow(() -> limiter.acquire("10.0.0.2"));
        assertDoesNotThrow(() -> limiter.acquire("10.0.0.2"));
        assertDoesNotThrow(() -> limiter.acquire("2001:db8::1"));
        assertThrows(SignupRateLimiter.RateLimited.class, () -> limiter.acquire("10.0.0.2"));
    }

    @Test
    void aNewWindowStartsAfterTheOldOneEnds() throws InterruptedException {
        var limiter = limiter(2, Duration.ofMillis(150));
        limiter.acquire("10.0.0.1");
        limiter.acquire("10.0.0.1");
        var refused = assertThrows(SignupRateLimiter.RateLimited.class, () -> limiter.acquire("10.0.0.1"));
        assertEquals(1, refused.retryAfterSeconds(), "never less than a second");
        Thread.sleep(200);
        limiter.acquire("10.0.0.1");
        limiter.acquire("10.0.0.1");
        assertThrows(SignupRateLimiter.RateLimited.class, () -> limiter.acquire("10.0.0.1"));
    }

    @Test
    void concurrentAttemptsAreCountedExactly() throws Exception {
        var limiter = limiter(10, Duration.ofHours(1));
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(16)) {
            var results = new ArrayList<Future<Boolean>>();
            for (int i = 0; i < 64; i++) {
                Callable<Boolean> attempt = () -> {
                    start.await();
                    try {
                        limiter.acquire("10.0.0.1");
                        return true;
                    } catch (SignupRateLimiter.RateLimited e) {
                        return false;
                    }
                };
                results.add(pool.submit(attempt));
            }
            start.countDown();
            int allowed = 0;
            for (var result : results) if (result.get()) allowed++;
            assertEquals(10, allowed);
        }
    }
}
