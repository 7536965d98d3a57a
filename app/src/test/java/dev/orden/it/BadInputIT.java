package dev.orden.it;

import static dev.orden.it.WorkOrders.create;
import static dev.orden.it.WorkOrders.get;
import static dev.orden.it.WorkOrders.history;
import static dev.orden.it.WorkOrders.listAll;
import static dev.orden.it.WorkOrders.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Whatever a client sends, the answer is a problem document that says what is wrong - never a 500. */
class BadInputIT {

    static Api dispatcher;
    static JsonObject target;
    static String path;

    @BeforeAll
    static void anOrderToSendThingsTo() {
        dispatcher = Api.as(It.ACME_DISPATCHER);
        target = create(dispatcher, It.unique("bad-input"));
        path = "/workorders/" + target.getString("id");
    }

    private static Res raw(String method, String to, String contentType, String body) {
        return dispatcher.send(method, to, contentType, body, Map.of("If-Match", "\"1\""));
    }

    @Test
    void malformedJsonIs400OnEveryBody() {
        var malformed = "{\"title\": \"unterminated";
        raw("POST", "/workorders", Api.JSON, malformed).problem(400, "malformed-request");
        raw("PATCH", path, Api.MERGE_PATCH, malformed).problem(400, "malformed-request");
        raw("PATCH", path, Api.JSON, "{").problem(400, "malformed-request");
        raw("POST", path + "/transitions", Api.JSON, "{\"to\": ").problem(400, "malformed-request");
        raw("POST", path + "/assignment", Api.JSON, "{\"team\": \"x\",").problem(400, "malformed-request");
        raw("POST", path + "/comments", Api.JSON, "{\"body\": ").problem(400, "malformed-request");
        raw("POST", "/workorders", Api.JSON, "").problem(400, "malformed-request");
        Api.anonymous(Http.fromLoopback(It.randomBetween(2, 249), It.randomBetween(1, 254)))
                .send("POST", "/signup", Api.JSON, "{\"slug\": ", Map.of()).problem(400, "malformed-request");
        assertEquals(1, get(dispatcher, target.getString("id")).getInt("version"));
    }

    @Test
    void bodiesOverTheLimitAre413WhetherTheirLengthIsDeclaredOrNot() throws Exception {
        var marker = It.unique("huge");
        var huge = Json.createObjectBuilder().add("title", marker).add("description", "x".repeat(1_100_000))
                .build().toString();
        raw("POST", "/workorders", Api.JSON, huge).problem(413, "payload-too-large");

        var comment = Json.createObjectBuilder().add("body", "y".repeat(1_100_000)).build().toString();
        for (var endpoint : List.of("/workorders", path + "/comments")) {
            var body = endpoint.equals("/workorders") ? huge : comment;
            var request = HttpRequest.newBuilder(URI.create(It.API_URL + endpoint))
                    .header("Content-Type", Api.JSON)
                    .header("Authorization", "Bearer " + dispatcher.bearer())
                    .POST(HttpRequest.BodyPublishers.ofInputStream(
                            () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                    .build();
            var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(413, response.statusCode(), endpoint + " (chunked): " + response.body());
            assertTrue(response.body().contains("payload-too-large"), response.body());
        }
        assertEquals(List.of(), listAll(dispatcher, "q=" + marker), "nothing of the huge order is stored");
        assertEquals(1, get(dispatcher, target.getString("id")).getInt("version"));
        assertTrue(WorkOrders.comments(dispatcher, target.getString("id")).stream()
                .noneMatch(c -> c.getString("body").startsWith("yyyy")), "nothing of the huge comment is stored");
    }

    @Test
    void jsonThatIsNoObjectIs400() {
        for (var body : List.of("[1]", "\"text\"", "42")) {
            raw("POST", "/workorders", Api.JSON, body).problem(400, "malformed-request");
            raw("PATCH", path, Api.MERGE_PATCH, body).problem(400, "malformed-request");
            raw("POST", path + "/transitions", Api.JSON, body).problem(400, "malformed-request");
            raw("POST", path + "/comments", Api.JSON, body).problem(400, "malformed-request");
        }
        // JSON null: no object where one is required, whichever way each endpoint puts it.
        for (var to : List.of("/workorders", path + "/transitions", path + "/assignment", path + "/comments")) {
            var res = raw("POST", to, Api.JSON, "null");
            assertTrue(res.status() == 400 || res.status() == 422, res.describe());
            res.problem(res.status(), res.status() == 400 ? "malformed-request" : "validation");
        }
    }

    @Test
    void aWrongContentTypeIs415() {
        raw("POST", "/workorders", "text/plain", "title=hello").problem(415, "unsupported-media-type");
        raw("POST", "/workorders", "application/xml", "<title>hello</title>").problem(415, "unsupported-media-type");
        raw("PATCH", path, "text/plain", "{\"title\":\"x\"}").problem(415, "unsupported-media-type");
        raw("POST", path + "/transitions", "application/x-www-form-urlencoded", "to=CANCELLED")
                .problem(415, "unsupported-media-type");
        raw("POST", path + "/comments", "text/plain", "hola").problem(415, "unsupported-media-type");
        assertEquals("NEW", get(dispatcher, target.getString("id")).getString("status"));
    }

    @Test
    void unknownPathsAndOrdersAre404AndUnsupportedMethods405() {
        dispatcher.get("/nothing-here").problem(404, "not-found");
        dispatcher.get(path + "/nothing-here").problem(404, "not-found");
        Api.anonymous().get("/nothing-here").problem(404, "not-found");
        for (var ref : List.of("WO-999999999", "999999999", "00000000-0000-0000-0000-000000000000", "not-a-ref",
                "WO-", "WO-1x")) {
            dispatcher.get("/workorders/" + ref).problem(404, "not-found");
            dispatcher.get("/workorders/" + ref + "/history").problem(404, "not-found");
        }
        raw("DELETE", path, null, null).problem(405, null);
        raw("PUT", path, Api.JSON, "{\"title\":\"x\"}").problem(405, null);
    }

    @Test
    void titleTooLongMissingOrBlankIs422() {
        assertEquals(Set.of("title"), dispatcher.post("/workorders", order("x".repeat(201)).build()).invalidFields());
        assertEquals(Set.of("title"), dispatcher.post("/workorders", order("   ").build()).invalidFields());
        assertEquals(Set.of("title"), dispatcher.post("/workorders", Json.createObjectBuilder()
                .add("priority", "HIGH").build()).invalidFields());
        var longest = create(dispatcher, "y".repeat(200));
        assertEquals(200, longest.getString("title").length());
        assertEquals(Set.of("title"), dispatcher.patch(path, Json.createObjectBuilder().add("title", "z".repeat(201))
                .build(), 1).invalidFields());
        assertEquals(Set.of("title"), dispatcher.patch(path, Json.createObjectBuilder().addNull("title").build(), 1)
                .invalidFields());
    }

    @Test
    void valuesOfTheWrongTypeOrFormatAre422NamingEachField() {
        var wrongTypes = Json.createObjectBuilder().add("title", 5).add("description", true).add("priority", 5)
                .add("type", Json.createArrayBuilder()).add("area", Json.createObjectBuilder()).add("dueAt", 3)
                .add("customFields", Json.createArrayBuilder().add(1)).build();
        assertEquals(Set.of("title", "description", "priority", "type", "area", "dueAt", "customFields"),
                dispatcher.post("/workorders", wrongTypes).invalidFields());

        var wrongFormats = order("formats").add("priority", "SOMETIMES").add("type", "Not A Key")
                .add("dueAt", "2026-12-01T17:00:00").build();
        assertEquals(Set.of("priority", "type", "dueAt"), dispatcher.post("/workorders", wrongFormats)
                .invalidFields());
        assertEquals(Set.of("dueAt"), dispatcher.post("/workorders", order("t").add("dueAt", "tomorrow").build())
                .invalidFields());

        assertEquals(Set.of("priority", "type"), dispatcher.patch(path, Json.createObjectBuilder()
                .addNull("priority").addNull("type").build(), 1).invalidFields());
        assertEquals(Set.of("version"), dispatcher.post(path + "/transitions", Json.createObjectBuilder()
                .add("to", "CANCELLED").add("version", "one").build()).invalidFields());
        assertEquals(Set.of("body"), dispatcher.post(path + "/comments", Json.createObjectBuilder().add("body", " ")
                .build()).invalidFields());
        assertEquals(Set.of("visibility"), dispatcher.post(path + "/comments", Json.createObjectBuilder()
                .add("body", "hola").add("visibility", "SECRET").build()).invalidFields());
        assertEquals(Set.of("team"), dispatcher.post(path + "/assignment", Json.createObjectBuilder()
                .add("team", "t".repeat(101)).build()).invalidFields());

        var stored = get(dispatcher, target.getString("id"));
        assertEquals(1, stored.getInt("version"), "nothing invalid was stored");
        var history = history(dispatcher, target.getString("id"));
        assertEquals(1, history.size(), history.toString());
    }

    @Test
    void unknownFieldsAre422NamingEachOne() {
        var create = order("unknown fields").add("status", "CLOSED").add("version", 3).add("colour", "red").build();
        assertEquals(Set.of("status", "version", "colour"), dispatcher.post("/workorders", create).invalidFields());
        var patch = Json.createObjectBuilder().add("status", "CLOSED").add("assignee", dispatcher.id())
                .add("requesterId", dispatcher.id()).add("number", 1).build();
        assertEquals(Set.of("status", "assignee", "requesterId", "number"),
                dispatcher.patch(path, patch, 1).invalidFields());
        assertEquals("NEW", get(dispatcher, target.getString("id")).getString("status"));
    }

    @Test
    void invalidCustomFieldKeysAndTooManyFieldsAre422() {
        var keys = order("custom keys").add("customFields", Json.createObjectBuilder().add("1abc", 1)
                .add("with space", 2).add("ok_key", 3).add("x".repeat(65), 4)).build();
        assertEquals(Set.of("customFields.1abc", "customFields.with space", "customFields." + "x".repeat(65)),
                dispatcher.post("/workorders", keys).invalidFields());
        var many = Json.createObjectBuilder();
        for (int i = 0; i < 101; i++) many.add("f" + i, i);
        assertEquals(Set.of("customFields"), dispatcher.post("/workorders", order("too many").add("customFields",
                many).build()).invalidFields());
        assertEquals(Set.of("customFields.bad-key"), dispatcher.patch(path, Json.createObjectBuilder()
                .add("customFields", Json.createObjectBuilder().add("bad-key", 1)).build(), 1).invalidFields());

        var fine = create(dispatcher, order("custom values").add("customFields", Json.createObjectBuilder()
                .add("model", "X100").add("floors", 3).add("urgent", true).add("parts", Json.createArrayBuilder()
                        .add("a").add("b")).add("site", Json.createObjectBuilder().add("address", "Calle Mayor 1").add("lat", 40.4)
                        .add("lon", -3.7))));
        var custom = fine.getJsonObject("customFields");
        assertEquals("X100", custom.getString("model"));
        assertEquals(3, custom.getInt("floors"));
        assertTrue(custom.getBoolean("urgent"));
        assertEquals(2, custom.getJsonArray("parts").size());
        assertEquals(40.4, custom.getJsonObject("site").getJsonNumber("lat").doubleValue());
    }

    @Test
    void validInputIsNormalised() {
        var order = create(dispatcher, order("  spaced title  ").add("priority", "urgent")
                .add("dueAt", "2026-12-01T17:00:00+01:00").add("description", "   ").add("type", "repair")
                .add("customFields", Configs.acmeVisit()));
        assertEquals("spaced title", order.getString("title"));
        assertEquals("URGENT", order.getString("priority"));
        assertEquals("2026-12-01T16:00:00Z", order.getString("dueAt"));
        assertTrue(WorkOrders.absent(order, "description"), "a blank description is no description");
        assertEquals("repair", order.getString("type"));
        var defaults = create(dispatcher, "defaults");
        assertEquals("general", defaults.getString("type"));
        assertEquals("NORMAL", defaults.getString("priority"));
        assertEquals(Map.of(), Map.copyOf(defaults.getJsonObject("customFields")));
    }

    @Test
    void badQueryParametersAre422() {
        assertEquals(Set.of("limit"), dispatcher.get("/workorders?limit=abc").invalidFields());
        assertEquals(Set.of("limit"), dispatcher.get("/workorders?limit=99999999999").invalidFields());
        assertEquals(Set.of("limit"), dispatcher.get("/workorders?limit=-5").invalidFields());
        assertEquals(Set.of("q"), dispatcher.get("/workorders?q=" + "q".repeat(201)).invalidFields());
    }
}
