package dev.orden.webhook;

import dev.orden.schedule.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What one attempt got: the receiver's status code (null when there was no answer: refused, timed out, reset),
 * the error seen, how long it took, the {@code Retry-After} the receiver asked for, and whether sending was refused
 * before any connection (an address no longer allowed: never retried).
 */
record Attempt(Integer statusCode, String error, long durationMillis, Duration retryAfter, boolean refused) {

    static Attempt answered(int statusCode, long durationMillis, Duration retryAfter) {
        return new Attempt(statusCode, statusCode / 100 == 2 ? null : "HTTP " + statusCode, durationMillis,
                retryAfter, false);
    }

    static Attempt unanswered(String error, long durationMillis) {
        return new Attempt(null, error, durationMillis, null, false);
    }

    static Attempt refusedToSend(String why) {
        return new Attempt(null, why, 0, null, true);
    }

    boolean delivered() {
        return statusCode != null && statusCode / 100 == 2;
    }

    /** No answer, a timeout or throttling (408, 429) or a server error: worth trying again. Other 3xx/4xx are final. */
    boolean retryable() {
        if (refused) return false;
        if (statusCode == null) return true;
        return statusCode == 408 || statusCode == 429 || statusCode >= 500;
    }

    /** What follows this, the {@code number}-th attempt: delivered, another attempt at a time, or given up. */
    Verdict judge(int number, int maxAttempts, Backoff backoff, Instant now) {
        if (delivered()) return new Verdict.Delivered();
        if (!retryable()) return new Verdict.Failed(error);
        if (number >= maxAttempts) return new Verdict.Failed("gave up after " + number + " attempts: " + error);
        var wait = backoff.after(number);
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter.compareTo(backoff.max()) > 0 ? backoff.max() : retryAfter;
        }
        return new Verdict.Retry(now.plus(wait));
    }

    sealed interface Verdict {
        record Delivered() implements Verdict {}
        record Retry(Instant at) implements Verdict {}
        record Failed(String why) implements Verdict {}
    }

    /** {@code Retry-After} in seconds (the HTTP-date form is rare from webhook receivers and ignored). */
    static Duration retryAfter(Optional<String> header) {
        return header.map(String::strip).filter(v -> v.matches("\\d{1,9}")).map(Long::parseLong)
                .map(Duration::ofSeconds).orElse(null);
    }
}
