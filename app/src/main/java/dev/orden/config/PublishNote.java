package dev.orden.config;

import dev.orden.shared.problem.ProblemException;
import jakarta.json.JsonString;

/** What a publisher says changed ({@code {"note": "…"}}), kept with the version; no body, or none given, is no note. */
final class PublishNote {

    static final int MAX_CHARS = 500;

    private PublishNote() {}

    static String of(String body) {
        if (body == null || body.isBlank()) return null;
        var note = ConfigBundles.fromRequest(body).get("note");
        if (note == null || note.getValueType() == jakarta.json.JsonValue.ValueType.NULL) return null;
        if (!(note instanceof JsonString text)) throw ProblemException.invalid("note", "must be text");
        var stripped = text.getString().strip();
        if (stripped.length() > MAX_CHARS) {
            throw ProblemException.invalid("note", "must be at most " + MAX_CHARS + " characters");
        }
        return stripped.isEmpty() ? null : stripped;
    }
}
