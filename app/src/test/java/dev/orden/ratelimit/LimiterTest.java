package dev.orden.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LimiterTest {

    /** A clock the test moves. */
    static final class Clock implements TimeMeter {
        final AtomicLong nanos = new AtomicLong(1_000_000_000L);

        void advance(Duration d) {
            nanos.addAndGet(d.toNanos());
        }

        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }

    private final Clock clock = new Clock();

    private Limiter limiter(Map<String, String> settings) {
        return new Limiter(name -> Optional.ofNullable(settings.get(name)), clock);
    }

    @Test
    void theCapacityIsAllowedAtOnceThenTheNextIsRefusedUntilATokenIsBack() {
        var limiter = limiter(Map.of("orden.rate-limit.signup.capacity", "3", "orden.rate-limit.signup.refill", "3",
                "orden.rate-limit.signup.period", "PT1H"));
        for (int i = 0; i < 3; i++) assertEquals(0, limiter.take(RateLimit.SIGNUP, "10.0.0.1"), "attempt " + i);
        // One token every 20 minutes: the first comes back 1 200 s after they were taken.
        assertEquals(1_200, limiter.take(RateLimit.SIGNUP, "10.0.0.1"));
        clock.advance(Duration.ofSeconds(600));
        assertEquals(600, limiter.take(RateLimit.SIGNUP, "10.0.0.1"), "refused attempts do not push the refill back");
        clock.advance(Duration.ofSeconds(600));
        assertEquals(0, limiter.take(RateLimit.SIGNUP, "10.0.0.1"));
        assertEquals(1_200, limiter.take(RateLimit.SIGNUP, "10.0.0.1"));
    }

    @Test
    void retryAfterIsRoundedUpSoThatAClientWhoWaitsItIsLetIn() {
        var limiter = limiter(Map.of("orden.rate-limit.tenant-api.capacity", "2", "orden.rate-limit.tenant-api.refill",
                "3", "orden.rate-limit.tenant-api.period", "PT1S"));
        limiter.take(RateLimit.TENANT_API, "acme");
        limiter.take(RateLimit.TENANT_API, "acme");
        // The next token is 333 ms away: 0 would mean "now", so it is 1.
        var retryAfter = limiter.take(RateLimit.TENANT_API, "acme");
        assertEquals(1, retryAfter);
        clock.advance(Duration.ofSeconds(retryAfter));
        assertEquals(0, limiter.take(RateLimit.TENANT_API, "acme"));
    }

    @Test
    void theBurstAndTheSustainedRateAreSetApart() {
        var limiter = limiter(Map.of("orden.rate-limit.tenant-api.capacity", "50", "orden.rate-limit.tenant-api.refill",
                "10", "orden.rate-limit.tenant-api.period", "PT1S"));
        assertEquals(50, allowed(limiter, "acme", 200), "the burst");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(10, allowed(limiter, "acme", 200), "then the rate");
        clock.advance(Duration.ofMinutes(10));
        assertEquals(50, allowed(limiter, "acme", 200), "a bucket never holds more than its capacity");
    }

    @Test
    void oneKeyOverItsLimitLeavesTheOthersAlone() {
        var limiter = limiter(Map.of("orden.rate-limit.tenant-api.capacity", "5", "orden.rate-limit.tenant-api.refill",
                "5", "orden.rate-limit.tenant-api.period", "PT10S"));
        assertEquals(5, allowed(limiter, "flood", 100));
        assertEquals(5, allowed(limiter, "calm", 5));
        assertTrue(limiter.take(RateLimit.TENANT_API, "flood") > 0);
        // Limits are counted apart, too: a tenant at its quota still has its rule runs, and the reverse.
        assertEquals(0, limiter.take(RateLimit.RULE_RUNS, "flood"));
    }

    @Test
    void aTenantMayHaveItsOwnLimitAndTheOthersKeepTheDefault() {
        var limiter = limiter(Map.of(
                "orden.rate-limit.rule-runs.capacity", "4",
                "orden.rate-limit.rule-runs.tenant.big.capacity", "8",
                "orden.rate-limit.tenant-api.tenant.free.enabled", "false"));
        assertEquals(4, allowed(limiter, RateLimit.RULE_RUNS, "small", 100));
        assertEquals(8, allowed(limiter, RateLimit.RULE_RUNS, "big", 100));
        assertEquals(new Limit(true, 8, 30, Duration.ofMinutes(1)), limiter.limitFor(RateLimit.RULE_RUNS, "big"),
                "what a tenant does not set comes from the limit's settings, then the defaults");
        assertEquals(10_000, allowed(limiter, RateLimit.TENANT_API, "free", 10_000), "a disabled limit never refuses");
    }

    @Test
    void defaultsApplyWhenNothingIsConfigured() {
        var limiter = limiter(Map.of());
        for (var limit : RateLimit.values()) assertEquals(limit.defaults(), limiter.limitFor(limit, "any"));
        assertEquals(10, allowed(limiter, RateLimit.SIGNUP, "10.0.0.9", 100));
    }

    @Test
    void aDisabledLimitRefusesNothing() {
        var limiter = limiter(Map.of("orden.rate-limit.tenant-api.enabled", "false"));
        assertEquals(5_000, allowed(limiter, RateLimit.TENANT_API, "acme", 5_000));
    }

    @Test
    void badSettingsStopTheServerRatherThanBeIgnored() {
        assertThrows(NumberFormatException.class, () -> limiter(Map.of("orden.rate-limit.signup.capacity", "ten")));
        assertThrows(DateTimeParseException.class, () -> limiter(Map.of("orden.rate-limit.signup.period", "1h")));
        assertThrows(IllegalArgumentException.class, () -> limiter(Map.of("orden.rate-limit.signup.capacity", "0")));
        assertThrows(IllegalArgumentException.class, () -> limiter(Map.of("orden.rate-limit.signup.period", "PT0S")));
        assertThrows(IllegalArgumentException.class, () -> limiter(Map.of("orden.rate-limit.tenant-api.concurrent", "-1")));
    }

    @Test
    void concurrentRequestsNeverGetMoreThanTheCapacity() throws Exception {
        var limiter = limiter(Map.of("orden.rate-limit.tenant-api.capacity", "100", "orden.rate-limit.tenant-api.refill",
                "1", "orden.rate-limit.tenant-api.period", "PT1H"));
        var allowed = new AtomicInteger();
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(16)) {
            for (int t = 0; t < 16; t++) {
                pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 50; i++) if (limiter.take(RateLimit.TENANT_API, "acme") == 0) allowed.incrementAndGet();
                    return null;
                });
            }
            start.countDown();
        }
        assertEquals(100, allowed.get());
    }

    @Test
    void bucketsThatAreFullAgainAreDroppedWhenThereAreTooManyKeys() {
        var buckets = new KeyedBuckets(clock);
        var limit = new Limit(true, 2, 2, Duration.ofSeconds(1));
        for (int i = 0; i < KeyedBuckets.PRUNE_ABOVE; i++) buckets.take("10.1." + (i / 256) + "." + (i % 256), k -> limit);
        buckets.take("busy", k -> limit);
        buckets.take("busy", k -> limit);
        clock.advance(Duration.ofSeconds(5));
        buckets.take("busy", k -> limit);
        buckets.take("another", k -> limit);
        assertEquals(2, buckets.size(), "only the bucket in use and the new one are kept");
        assertEquals(0, buckets.take("busy", k -> limit));
        assertTrue(buckets.take("busy", k -> limit) > 0, "the bucket in use kept its count");
    }

    @Test
    void aTenantHasAtMostItsCapOfRequestsInProgressAndEachAnswerFreesAPlace() {
        var limiter = limiter(Map.of("orden.rate-limit.tenant-api.concurrent", "2"));
        var first = limiter.enter(RateLimit.TENANT_API, "flood").orElseThrow();
        var second = limiter.enter(RateLimit.TENANT_API, "flood").orElseThrow();
        assertTrue(limiter.enter(RateLimit.TENANT_API, "flood").isEmpty(), "a third at once is refused");
        assertTrue(limiter.enter(RateLimit.TENANT_API, "calm").isPresent(), "another tenant has its own places");
        first.release();
        first.release();
        var third = limiter.enter(RateLimit.TENANT_API, "flood").orElseThrow();
        assertTrue(limiter.enter(RateLimit.TENANT_API, "flood").isEmpty(), "a permit given back twice counts once");
        second.release();
        third.release();
        assertTrue(limiter.enter(RateLimit.TENANT_API, "flood").isPresent());
    }

    @Test
    void withoutACapOrWithTheLimitOffEveryRequestEnters() {
        var limiter = limiter(Map.of("orden.rate-limit.rule-runs.concurrent", "0",
                "orden.rate-limit.tenant-api.tenant.free.enabled", "false"));
        for (int i = 0; i < 100; i++) {
            assertTrue(limiter.enter(RateLimit.RULE_RUNS, "acme").isPresent());
            assertTrue(limiter.enter(RateLimit.TENANT_API, "free").isPresent());
        }
        assertEquals(10, limiter.limitFor(RateLimit.TENANT_API, "acme").concurrent(), "the default cap");
    }

    private int allowed(Limiter limiter, String key, int attempts) {
        return allowed(limiter, RateLimit.TENANT_API, key, attempts);
    }

    private static int allowed(Limiter limiter, RateLimit limit, String key, int attempts) {
        int allowed = 0;
        for (int i = 0; i < attempts; i++) if (limiter.take(limit, key) == 0) allowed++;
        return allowed;
    }
}
