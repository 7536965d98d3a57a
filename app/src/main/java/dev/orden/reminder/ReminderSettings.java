package dev.orden.reminder;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's {@code reminders.json} as the scheduling reads it: a kind left out, or {@code enabled: false}, is not
 * sent. A bundle without the part (tenants older than reminders) sends none.
 */
public record ReminderSettings(Optional<Duration> assignedAfter, List<Duration> dueSoonBefore, boolean overdue,
                               Optional<Duration> unassignedAfter) {

    public static final ReminderSettings NONE = new ReminderSettings(Optional.empty(), List.of(), false, Optional.empty());

    public static ReminderSettings of(JsonObject bundle) {
        if (!(bundle.get("reminders") instanceof JsonObject reminders)) return NONE;
        return new ReminderSettings(minutes(enabled(reminders, "assigned"), "afterMinutes"),
                enabled(reminders, "dueSoon").map(ReminderSettings::offsets).orElse(List.of()),
                enabled(reminders, "overdue").isPresent(),
                minutes(enabled(reminders, "unassignedTimeout"), "afterMinutes"));
    }

    /** Whether the tenant still sends {@code kind} (a rule's reminder always). */
    public boolean sends(ReminderKind kind) {
        return switch (kind) {
            case ASSIGNED -> assignedAfter.isPresent();
            case DUE_SOON -> !dueSoonBefore.isEmpty();
            case OVERDUE -> overdue;
            case UNASSIGNED_TIMEOUT -> unassignedAfter.isPresent();
            case RULE -> true;
        };
    }

    private static Optional<JsonObject> enabled(JsonObject reminders, String kind) {
        return reminders.get(kind) instanceof JsonObject settings && settings.getBoolean("enabled", true)
                ? Optional.of(settings) : Optional.empty();
    }

    private static Optional<Duration> minutes(Optional<JsonObject> settings, String field) {
        return settings.flatMap(s -> s.get(field) instanceof JsonNumber n ? Optional.of(Duration.ofMinutes(n.longValue()))
                : Optional.empty());
    }

    private static List<Duration> offsets(JsonObject dueSoon) {
        return dueSoon.get("beforeMinutes") instanceof JsonArray array
                ? array.getValuesAs(JsonNumber.class).stream().map(n -> Duration.ofMinutes(n.longValue())).toList()
                : List.of();
    }
}
