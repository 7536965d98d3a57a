package dev.orden.schedule;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** What becomes of a job's row once its run ended: the decision alone, applied by {@link JobLeases#settle}. */
public sealed interface Settlement {

    /** Due again at {@code next}, afresh; {@code error} is kept when this due time was given up on. */
    record Reschedule(Instant next, String error) implements Settlement {}

    /** Tried again at {@code at}, going on from its progress. */
    record Retry(Instant at, String error) implements Settlement {}

    /** A one-off job done: removed. */
    record Remove() implements Settlement {}

    /** A one-off job failed too often: kept as failed, never due again. */
    record GiveUp(String error) implements Settlement {}

    static Settlement afterSuccess(Optional<Instant> next) {
        return next.<Settlement>map(at -> new Reschedule(at, null)).orElseGet(Remove::new);
    }

    /**
     * After the {@code attempts}-th failed attempt: a retry after the backoff while attempts remain, then on to the
     * next due time of a recurring job, or given up for a one-off.
     */
    static Settlement afterFailure(int attempts, int maxAttempts, Backoff backoff, Instant now, String error,
                                   Supplier<Optional<Instant>> next) {
        if (attempts < maxAttempts) return new Retry(now.plus(backoff.after(attempts)), error);
        var given = "given up after " + attempts + " attempts: " + error;
        return next.get().<Settlement>map(at -> new Reschedule(at, given)).orElseGet(() -> new GiveUp(given));
    }
}
