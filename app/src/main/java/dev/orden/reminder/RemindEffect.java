package dev.orden.reminder;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * A rule's {@code {type: 'remind', at, to, message?}} read and checked for its shape: {@code at} an ISO instant with
 * an offset, after now and at most {@link #MAX_AHEAD} ahead; {@code to} {@code assignee}, {@code requester},
 * {@code team} or a member's id or e-mail (whether that member exists is for {@link RuleReminders}). Either the
 * request or the reason it is refused.
 */
record RemindEffect(Instant at, String to, String message, String refusal) {

    static final Duration MAX_AHEAD = Duration.ofDays(366);
    static final int MAX_MESSAGE = 500;

    static RemindEffect read(JsonObject effect, Instant now) {
        if (!(effect.get("at") instanceof JsonString atText)) {
            return refused("'at' must be an ISO instant such as 2026-12-01T09:00:00Z");
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(atText.getString()).toInstant();
        } catch (DateTimeParseException e) {
            return refused("'at' must be an ISO instant such as 2026-12-01T09:00:00Z, not '" + atText.getString() + "'");
        }
        if (!at.isAfter(now)) return refused("'at' must be in the future (it is " + at + ", now is " + now + ")");
        if (at.isAfter(now.plus(MAX_AHEAD))) return refused("'at' must be within " + MAX_AHEAD.toDays() + " days");
        if (!(effect.get("to") instanceof JsonString toText) || toText.getString().isBlank()) {
            return refused("'to' must be assignee, requester, team or a member's id or e-mail");
        }
        var message = effect.get("message") instanceof JsonString m ? m.getString().strip() : null;
        if (effect.containsKey("message") && (message == null || message.isEmpty() || message.length() > MAX_MESSAGE)) {
            return refused("'message' must be 1 to " + MAX_MESSAGE + " characters");
        }
        return new RemindEffect(at, toText.getString().strip(), message, null);
    }

    private static RemindEffect refused(String reason) {
        return new RemindEffect(null, null, null, reason);
    }
}
