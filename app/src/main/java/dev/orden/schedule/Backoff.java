package dev.orden.schedule;

import java.time.Duration;

/**
 * When a failed job is tried again: {@code base} after the first failure, doubling with every further one, never
 * more than {@code max} apart. Deterministic (no jitter): jobs are spread by their own due times, and a poller
 * claims at most a batch at once, so failing jobs of many tenants do not come back as one herd.
 */
public record Backoff(Duration base, Duration max) {

    public Backoff {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < base <= max, not " + base + " and " + max);
        }
    }

    /** The wait after the {@code attempts}-th failed attempt (1 for the first). */
    public Duration after(int attempts) {
        int doublings = Math.max(0, attempts - 1);
        if (doublings >= 40 || base.toMillis() > max.toMillis() >> doublings) return max;
        return base.multipliedBy(1L << doublings);
    }
}
