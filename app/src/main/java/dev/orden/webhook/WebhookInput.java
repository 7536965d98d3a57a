package dev.orden.webhook;

import dev.orden.shared.problem.FieldError;
import dev.orden.shared.problem.ProblemException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A webhook as an admin writes it: every field for a new one, any of them for a change (null = unchanged). Every
 * mistake is reported at once, by field; an address the server may not post to is one of them.
 */
record WebhookInput(String name, String url, List<String> events, Boolean active) {

    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
    static final Set<String> FIELDS = Set.of("name", "url", "events", "active");

    static WebhookInput create(JsonObject body, boolean allowPrivate) {
        return read(body, true, allowPrivate);
    }

    static WebhookInput change(JsonObject body, boolean allowPrivate) {
        return read(body, false, allowPrivate);
    }

    private static WebhookInput read(JsonObject body, boolean whole, boolean allowPrivate) {
        var errors = new ArrayList<FieldError>();
        body.keySet().stream().filter(k -> !FIELDS.contains(k)).sorted()
                .forEach(k -> errors.add(new FieldError(k, "is not a field of a webhook (" + String.join(", ",
                        FIELDS.stream().sorted().toList()) + ")")));
        var name = text(body, "name", whole, errors);
        if (name != null && !NAME.matcher(name).matches()) {
            errors.add(new FieldError("name", "must be 1 to 64 lowercase letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit"));
        }
        var url = text(body, "url", whole, errors);
        if (url != null) {
            ReceiverUrl.refusal(url, allowPrivate).ifPresent(why -> errors.add(new FieldError("url", why)));
        }
        var events = events(body, whole, errors);
        Boolean active = null;
        if (body.containsKey("active")) {
            var value = body.get("active");
            if (value == JsonValue.TRUE || value == JsonValue.FALSE) active = value == JsonValue.TRUE;
            else errors.add(new FieldError("active", "must be true or false"));
        }
        if (!errors.isEmpty()) throw ProblemException.invalid(errors);
        return new WebhookInput(name, url, events, active);
    }

    private static String text(JsonObject body, String field, boolean required, List<FieldError> errors) {
        var value = body.get(field);
        if (value == null || value == JsonValue.NULL) {
            if (required || value == JsonValue.NULL) errors.add(new FieldError(field, "is required"));
            return null;
        }
        if (!(value instanceof JsonString string)) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        return string.getString().strip();
    }

    private static List<String> events(JsonObject body, boolean required, List<FieldError> errors) {
        var value = body.get("events");
        if (value == null && !required) return null;
        if (!(value instanceof JsonArray array) || array.isEmpty()) {
            errors.add(new FieldError("events", "must be a non-empty array of " + WebhookEvents.SUBSCRIBABLE));
            return null;
        }
        var events = new LinkedHashSet<String>();
        for (int i = 0; i < array.size(); i++) {
            var item = array.get(i);
            if (item instanceof JsonString s && WebhookEvents.SUBSCRIBABLE.contains(s.getString())) {
                events.add(s.getString());
            } else {
                errors.add(new FieldError("events[" + i + "]", "must be one of " + WebhookEvents.SUBSCRIBABLE));
            }
        }
        return List.copyOf(events);
    }
}
