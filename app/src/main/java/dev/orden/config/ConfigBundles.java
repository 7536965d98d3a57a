package dev.orden.config;

import dev.orden.shared.problem.ProblemException;
import dev.orden.shared.problem.ProblemType;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Reading bundles: from a request body, from the database's text, from the bundles shipped on the classpath. */
final class ConfigBundles {

    private static final String DEFAULT = "config/_default/bundle.json";

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

    static JsonObject fromStored(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** The bundle every new tenant starts with. */
    static JsonObject defaultBundle() {
        return classpath(DEFAULT).orElseThrow(() -> new IllegalStateException(DEFAULT + " is not on the classpath"));
    }

    private static Optional<JsonObject> classpath(String path) {
        try (InputStream in = ConfigBundles.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) return Optional.empty();
            try (var reader = Json.createReader(in)) {
                return Optional.of(reader.readObject());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
