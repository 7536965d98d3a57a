package dev.orden.audit;

import dev.orden.shared.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Objects;

/**
 * One administrative change for the tenant's audit log: what was done ({@code action}, dotted lower case such as
 * {@code member.roles_changed}), to what ({@code targetType}, {@code targetId}, {@code targetName}), a one-line
 * {@code summary} and a {@code diff} (by convention {@code {before, after}} or {@code {patch: [RFC 6902 ops]}}).
 * The actor is the caller unless given; see {@link AuditEvents}.
 */
public record AuditEvent(String action, String targetType, String targetId, String targetName, String summary,
                         JsonObject diff, Actor actor) {

    /** Who made the change: a Keycloak user id and display name, or {@link #SYSTEM}. */
    public record Actor(String id, String name) {
        public static final Actor SYSTEM = new Actor("system", "Orden");
    }

    public AuditEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(targetType, "targetType");
        diff = diff == null ? JsonValue.EMPTY_JSON_OBJECT : diff;
    }

    public static AuditEvent of(String action, String targetType, String targetId, String targetName,
                                String summary) {
        return new AuditEvent(action, targetType, targetId, targetName, summary, null, null);
    }

    /** The same event with {@code {before, after}} as its diff (either may be null: created, deleted). */
    public AuditEvent change(JsonValue before, JsonValue after) {
        var diff = Json.createObjectBuilder()
                .add("before", before == null ? JsonValue.NULL : before)
                .add("after", after == null ? JsonValue.NULL : after)
                .build();
        return withDiff(diff);
    }

    public AuditEvent withDiff(JsonObject diff) {
        return new AuditEvent(action, targetType, targetId, targetName, summary, diff, actor);
    }

    public AuditEvent by(Actor actor) {
        return new AuditEvent(action, targetType, targetId, targetName, summary, diff, actor);
    }
}
