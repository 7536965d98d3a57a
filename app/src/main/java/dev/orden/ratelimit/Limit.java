package dev.orden.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * A token bucket's settings: {@code capacity} tokens at most, {@code refill} more every {@code period}, greedily; and
 * at most {@code concurrent} requests of one key in progress at once (0: no such cap).
 */
public record Limit(boolean enabled, long capacity, long refill, Duration period, int concurrent) {

    public Limit(boolean enabled, long capacity, long refill, Duration period) {
        this(enabled, capacity, refill, period, 0);
    }

    public Limit {
        if (capacity < 1 || refill < 1) throw new IllegalArgumentException("capacity and refill must be at least 1");
        if (concurrent < 0) throw new IllegalArgumentException("concurrent must be 0 (no cap) or more");
        if (period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive");
        }
    }

    /** The settings under {@code prefix} ({@code prefix.capacity}, …), each falling back to {@code defaults}'. */
    static Limit read(Function<String, Optional<String>> config, String prefix, Limit defaults) {
        return new Limit(
                config.apply(prefix + ".enabled").map(Boolean::parseBoolean).orElse(defaults.enabled()),
                config.apply(prefix + ".capacity").map(Long::parseLong).orElse(defaults.capacity()),
                config.apply(prefix + ".refill").map(Long::parseLong).orElse(defaults.refill()),
                config.apply(prefix + ".period").map(Duration::parse).orElse(defaults.period()),
                config.apply(prefix + ".concurrent").map(Integer::parseInt).orElse(defaults.concurrent()));
    }

    Bucket newBucket(TimeMeter time) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(refill, period))
                .withCustomTimePrecision(time)
                .build();
    }
}
