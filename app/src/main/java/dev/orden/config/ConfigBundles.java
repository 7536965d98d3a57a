package dev.orden.config;

import dev.orden.shared.problem.ProblemException;
import dev.orden.shared.problem.ProblemType;
import dev.orden.shared.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;

/** Reading bundles: from a request body, from the database's text, from the default shipped on the classpath. */
final class ConfigBundles {

    /** {@code tenant-config/_default/}, zipped by the build (a folder on the classpath cannot be listed in a WAR). */
    private static final String DEFAULT = "config/_default.zip";

    /** The parts of a bundle, as PUT one at a time to the draft: each a list but those in {@link #OBJECT_PARTS}. */
    static final List<String> PARTS = List.of("fields", "types", "forms", "workflows", "areas", "teams", "assignment",
            "sla", "settings", "notifications", "reminders", "rules");
    private static final List<String> OBJECT_PARTS = List.of("assignment", "settings", "notifications", "reminders");

    /** As the column's check allows. */
    static final int MAX_NOTE = 500;

    private ConfigBundles() {}

    /** A request body that must be a JSON object; anything else is the client's mistake. */
    static JsonObject fromRequest(String body) {
        try (var reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            return reader.readObject();
        } catch (JsonParsingException e) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "The body is not valid JSON: " + e.getMessage());
        } catch (JsonException | IllegalStateException e) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "The body must be one JSON object");
        }
    }

    /** A part's body: the JSON array it holds, or the object for those in {@link #OBJECT_PARTS}. */
    static JsonValue partFromRequest(String part, String body) {
        if (OBJECT_PARTS.contains(part)) return fromRequest(body);
        try (var reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            return reader.readArray();
        } catch (JsonParsingException e) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "The body is not valid JSON: " + e.getMessage());
        } catch (JsonException | IllegalStateException e) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "The body must be one JSON array");
        }
    }

    /** The optional note of a publish request ({@code {"note": "…"}}): null for no body or a blank note. */
    static String noteFromRequest(String body) {
        if (body == null || body.isBlank()) return null;
        var note = fromRequest(body).get("note");
        if (note == null || note.getValueType() == JsonValue.ValueType.NULL) return null;
        if (!(note instanceof JsonString text)) throw ProblemException.invalid("note", "must be a string");
        var trimmed = text.getString().strip();
        if (trimmed.length() > MAX_NOTE) {
            throw ProblemException.invalid("note", "must be at most " + MAX_NOTE + " characters");
        }
        return trimmed.isEmpty() ? null : trimmed;
    }

    static JsonObject fromStored(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** The bundle every new tenant starts with. */
    static JsonObject defaultBundle() {
        try (InputStream in = ConfigBundles.class.getClassLoader().getResourceAsStream(DEFAULT)) {
            if (in == null) throw new IllegalStateException(DEFAULT + " is not on the classpath");
            return BundleZip.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
