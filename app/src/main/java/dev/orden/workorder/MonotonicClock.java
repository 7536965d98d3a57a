package dev.orden.workorder;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Microsecond timestamps (PostgreSQL's precision) that never repeat or go back within this process, so that
 * history written in one change keeps its order.
 */
final class MonotonicClock {

    private static final AtomicLong LAST_MICROS = new AtomicLong();

    private MonotonicClock() {}

    static Instant now() {
        long wall = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        long micros = LAST_MICROS.accumulateAndGet(wall, (last, candidate) -> Math.max(last + 1, candidate));
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
