package dev.orden.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The arithmetic of a running clock, in business time: what is left of it at an instant, where its due time goes
 * when its target changes, and when its warning is due. Pure, so that the policies are unit-tested.
 */
final class SlaTiming {

    static final double WARNING_SHARE = 0.8;

    private SlaTiming() {}

    /** Business time left at {@code at} until {@code due}; negative by how much it is overdue. */
    static Duration left(BusinessCalendar calendar, Instant at, Instant due) {
        return due.isAfter(at) ? calendar.between(at, due) : calendar.between(due, at).negated();
    }

    /**
     * The due time of a running clock whose target changes from {@code before} to {@code after}, counted at
     * {@code at} (now, or the start of the pause it is in): the business time already used counts against the new
     * target, so what is left grows or shrinks by the difference. A target shortened below the time already used
     * is due at {@code at} (at once, or as soon as the pause ends).
     */
    static Instant retargeted(BusinessCalendar was, BusinessCalendar calendar, Instant at, Instant due,
                              Duration before, Duration after) {
        var left = left(was, at, due).plus(after.minus(before));
        return left.isNegative() ? at : calendar.plus(at, left);
    }

    /**
     * When the warning of a clock of {@code target} with {@code left} business time to go from {@code from} is
     * due: once {@code WARNING_SHARE} of the target is used; empty when that point is already behind.
     */
    static Optional<Instant> warning(BusinessCalendar calendar, Instant from, Duration left, Duration target) {
        var margin = target.minusMillis((long) (target.toMillis() * WARNING_SHARE));
        var untilWarning = left.minus(margin);
        return untilWarning.isPositive() ? Optional.of(calendar.plus(from, untilWarning)) : Optional.empty();
    }
}
