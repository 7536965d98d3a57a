package dev.orden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpHeaders;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One HTTP exchange, with assertions that print the request and the body when they fail. */
record Res(String method, String uri, int status, HttpHeaders headers, String body) {

    static final String PROBLEM_TYPE_BASE = "https://orden.dev/problems/";

    Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    String contentType() {
        return header("Content-Type").orElse("");
    }

    JsonValue value() {
        if (body == null || body.isBlank()) fail(describe() + ": empty body");
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readValue();
        } catch (RuntimeException e) {
            throw new AssertionError(describe() + ": body is not JSON", e);
        }
    }

    JsonObject json() {
        return value().asJsonObject();
    }

    JsonArray array() {
        return value().asJsonArray();
    }

    List<JsonObject> objects() {
        return array().getValuesAs(JsonObject.class);
    }

    /** Asserts the status; returns this for chaining. */
    Res expect(int expected) {
        if (status != expected) fail(describe() + ": expected " + expected);
        return this;
    }

    /** Asserts an RFC 9457 problem with this status and type (the slug after {@value #PROBLEM_TYPE_BASE}). */
    JsonObject problem(int expectedStatus, String type) {
        expect(expectedStatus);
        assertTrue(contentType().startsWith("application/problem+json"),
                describe() + ": content type " + contentType());
        var problem = json();
        assertEquals(expectedStatus, problem.getInt("status"), describe());
        if (type != null) assertEquals(PROBLEM_TYPE_BASE + type, problem.getString("type"), describe());
        assertTrue(problem.containsKey("title"), describe() + ": no title");
        return problem;
    }

    /** A 422 validation problem; returns the names of the fields it lists. */
    Set<String> invalidFields() {
        var problem = problem(422, "validation");
        var fields = new LinkedHashSet<String>();
        if (problem.containsKey("errors") && !problem.isNull("errors")) {
            for (var error : problem.getJsonArray("errors").getValuesAs(JsonObject.class)) {
                fields.add(error.getString("field"));
                assertTrue(error.get("message") instanceof JsonString, describe() + ": error without message");
            }
        }
        return fields;
    }

    String describe() {
        var shown = body == null ? "" : body.length() > 1500 ? body.substring(0, 1500) + "…" : body;
        return method + " " + uri + " -> " + status + " " + shown;
    }
}
