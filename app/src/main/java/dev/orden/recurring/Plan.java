package dev.orden.recurring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A series' schedule with its bounds: the zone its times are in, the days ahead an order is created
 * ({@code leadDays}, calendar days in the zone), the last day an occurrence may fall on and how many orders it
 * makes at most. Pure: the service asks it and stores what it says.
 */
record Plan(Schedule schedule, ZoneId zone, int leadDays, LocalDate endsOn, Integer maxOccurrences) {

    /** Missed occurrences are skipped one by one up to this many, then the series moves on from now. */
    static final int CATCH_UP_LIMIT = 100_000;

    /** The first occurrence after {@code now} for a series that has made {@code generated} orders. */
    Optional<Instant> firstAfter(Instant now, int generated) {
        return bounded(schedule.next(now, zone), generated);
    }

    /** The occurrence after {@code occurrence}, once {@code generated} orders were made. */
    Optional<Instant> after(Instant occurrence, int generated) {
        if (schedule instanceof Schedule.AfterCompletion) return Optional.empty();
        return bounded(schedule.next(occurrence, zone), generated);
    }

    /** When the order of {@code occurrence} is created: {@code leadDays} before it. */
    Instant createAt(Instant occurrence) {
        return occurrence.atZone(zone).minusDays(leadDays).toInstant();
    }

    /**
     * The occurrence to make an order for when the series' next one, {@code next}, is due at {@code now}: after
     * downtime only the latest of those whose creation time has come, the earlier ones skipped.
     */
    Instant latestDue(Instant next, Instant now) {
        if (schedule instanceof Schedule.AfterCompletion) return next;
        var latest = next;
        for (int i = 0; i < CATCH_UP_LIMIT; i++) {
            var following = bounded(schedule.next(latest, zone), 0);
            if (following.isEmpty() || createAt(following.get()).isAfter(now)) return latest;
            latest = following.get();
        }
        return latest;
    }

    /** For an after-completion series: the occurrence after its last order was completed at {@code completedAt}. */
    Optional<Instant> afterCompleted(Instant completedAt, int generated) {
        if (!(schedule instanceof Schedule.AfterCompletion a)) return Optional.empty();
        return bounded(Optional.of(a.afterCompleted(completedAt, zone)), generated);
    }

    /** Whether nothing can follow any more: the maximum made, or the end date passed. */
    boolean exhausted(int generated, Instant now) {
        return maxOccurrences != null && generated >= maxOccurrences
                || endsOn != null && now.atZone(zone).toLocalDate().isAfter(endsOn);
    }

    private Optional<Instant> bounded(Optional<Instant> occurrence, int generated) {
        if (maxOccurrences != null && generated >= maxOccurrences) return Optional.empty();
        return occurrence.filter(at -> endsOn == null || !at.atZone(zone).toLocalDate().isAfter(endsOn));
    }
}
