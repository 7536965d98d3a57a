package dev.orden.rules;

import java.time.Duration;

/**
 * What one evaluation may use. The server's maxima come from {@code orden.rules.*} ({@link RuleSettings}); a caller
 * (a tenant's plan, a dry-run) may ask for less, never for more: {@link #within(Limits)}.
 *
 * @param statements JavaScript statements, counted by GraalJS; the context is discarded once they run out
 * @param timeout wall-clock deadline, enforced by cancelling the context
 * @param allocatedBytes heap the evaluating thread may allocate, checked while it runs (a memory-bomb backstop)
 * @param maxEffects effects in the returned array
 * @param maxResultChars characters of the effects' JSON
 * @param maxLogLines lines kept from {@code log(...)}; more are counted as dropped
 */
public record Limits(long statements, Duration timeout, long allocatedBytes, int maxEffects, int maxResultChars,
                     int maxLogLines) {

    public Limits {
        if (statements < 1 || allocatedBytes < 1 || maxEffects < 0 || maxResultChars < 2 || maxLogLines < 0
                || timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("rule limits out of range");
        }
    }

    /** The defaults of {@code orden.rules.*}. */
    public static Limits defaults() {
        return new Limits(100_000, Duration.ofMillis(500), 64L << 20, 50, 64 * 1024, 50);
    }

    /** Each limit the lower of this one and {@code maxima}'s. */
    public Limits within(Limits maxima) {
        return new Limits(Math.min(statements, maxima.statements),
                timeout.compareTo(maxima.timeout) <= 0 ? timeout : maxima.timeout,
                Math.min(allocatedBytes, maxima.allocatedBytes), Math.min(maxEffects, maxima.maxEffects),
                Math.min(maxResultChars, maxima.maxResultChars), Math.min(maxLogLines, maxima.maxLogLines));
    }

    public Limits withStatements(long statements) {
        return new Limits(statements, timeout, allocatedBytes, maxEffects, maxResultChars, maxLogLines);
    }

    public Limits withTimeout(Duration timeout) {
        return new Limits(statements, timeout, allocatedBytes, maxEffects, maxResultChars, maxLogLines);
    }

    public Limits withAllocatedBytes(long allocatedBytes) {
        return new Limits(statements, timeout, allocatedBytes, maxEffects, maxResultChars, maxLogLines);
    }
}
