package dev.orden.sla;

import dev.orden.shared.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** One order's row of {@code work_order_sla}. */
public record SlaState(String calendar, Instant firstResponseDue, Instant firstResponseMetAt,
        Instant firstResponseBreachedAt, Instant resolutionDue, Instant resolutionMetAt, Instant resolutionBreachedAt,
        Instant pausedSince) {

    static SlaState of(Object[] row) {
        return new SlaState((String) row[0], instant(row[1]), instant(row[2]), instant(row[3]), instant(row[4]),
                instant(row[5]), instant(row[6]), instant(row[7]));
    }

    boolean firstResponseOpen() {
        return firstResponseDue != null && firstResponseMetAt == null;
    }

    boolean resolutionOpen() {
        return resolutionDue != null && resolutionMetAt == null;
    }

    boolean met(SlaTarget target) {
        return (target == SlaTarget.FIRST_RESPONSE ? firstResponseMetAt : resolutionMetAt) != null;
    }

    boolean running() {
        return firstResponseOpen() || resolutionOpen();
    }

    Instant due(SlaTarget target) {
        return target == SlaTarget.FIRST_RESPONSE ? firstResponseDue : resolutionDue;
    }

    boolean open(SlaTarget target) {
        return target == SlaTarget.FIRST_RESPONSE ? firstResponseOpen() : resolutionOpen();
    }

    /** {@code {calendar, firstResponseDue, firstResponseMetAt, resolutionDue, resolutionMetAt, paused, pausedSince, breached: [...]}}. */
    public JsonObject json() {
        var json = Json.createObjectBuilder();
        add(json, "calendar", calendar);
        add(json, "firstResponseDue", firstResponseDue);
        add(json, "firstResponseMetAt", firstResponseMetAt);
        add(json, "resolutionDue", resolutionDue);
        add(json, "resolutionMetAt", resolutionMetAt);
        json.add("paused", pausedSince != null);
        add(json, "pausedSince", pausedSince);
        var breached = Json.createArrayBuilder();
        if (firstResponseBreachedAt != null) breached.add(SlaTarget.FIRST_RESPONSE.key());
        if (resolutionBreachedAt != null) breached.add(SlaTarget.RESOLUTION.key());
        return json.add("breached", breached).build();
    }

    private static void add(JsonObjectBuilder json, String name, Object value) {
        if (value != null) json.add(name, value.toString());
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Timestamp t -> t.toInstant();
            case OffsetDateTime t -> t.toInstant();
            case Instant i -> i;
            default -> throw new IllegalStateException("not a time: " + value.getClass());
        };
    }
}
