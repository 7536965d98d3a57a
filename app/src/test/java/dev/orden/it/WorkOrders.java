package dev.orden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.List;

/** Work-order calls the suites share; each asserts the status it expects. */
final class WorkOrders {

    private WorkOrders() {}

    static JsonObjectBuilder order(String title) {
        return Json.createObjectBuilder().add("title", title);
    }

    static JsonObject create(Api api, JsonObjectBuilder body) {
        var res = api.post("/workorders", body.build()).expect(201);
        var order = res.json();
        assertTrue(res.header("Location").orElse("").endsWith("/api/v1/workorders/" + order.getString("id")),
                res.describe() + ": Location " + res.header("Location"));
        assertEquals("\"" + order.getInt("version") + "\"", res.header("ETag").orElse(null), res.describe());
        return order;
    }

    static JsonObject create(Api api, String title) {
        return create(api, order(title));
    }

    static JsonObject get(Api api, String ref) {
        return api.get("/workorders/" + ref).expect(200).json();
    }

    static Res transition(Api api, String ref, String to) {
        return api.post("/workorders/" + ref + "/transitions", Json.createObjectBuilder().add("to", to).build());
    }

    /** A move that must succeed; it carries a comment, which some transitions require. */
    static JsonObject move(Api api, String ref, String to) {
        return move(api, ref, to, null);
    }

    /** A move that must succeed, setting {@code customFields} (if not null) in the same change. */
    static JsonObject move(Api api, String ref, String to, JsonObjectBuilder customFields) {
        var body = Json.createObjectBuilder().add("to", to).add("comment", "moving to " + to);
        if (customFields != null) body.add("customFields", customFields);
        var order = api.post("/workorders/" + ref + "/transitions", body.build()).expect(200).json();
        assertEquals(to, order.getString("status"));
        return order;
    }

    static Res assign(Api api, String ref, String assignee, String team) {
        var body = Json.createObjectBuilder();
        if (assignee != null) body.add("assignee", assignee);
        if (team != null) body.add("team", team);
        return api.post("/workorders/" + ref + "/assignment", body.build());
    }

    static Res comment(Api api, String ref, String text, String visibility) {
        return api.post("/workorders/" + ref + "/comments",
                Json.createObjectBuilder().add("body", text).add("visibility", visibility).build());
    }

    static List<JsonObject> history(Api api, String ref) {
        return api.get("/workorders/" + ref + "/history").expect(200).objects();
    }

    static List<JsonObject> comments(Api api, String ref) {
        return api.get("/workorders/" + ref + "/comments").expect(200).objects();
    }

    /** Every item of a list request, following nextCursor; {@code query} is the query string without cursor. */
    static List<JsonObject> listAll(Api api, String query) {
        var all = new ArrayList<JsonObject>();
        String cursor = null;
        for (int page = 0; page < 1000; page++) {
            var json = api.get("/workorders?" + query + (cursor == null ? "" : "&cursor=" + cursor)).expect(200)
                    .json();
            all.addAll(json.getJsonArray("items").getValuesAs(JsonObject.class));
            if (!(json.get("nextCursor") instanceof JsonString next)) return all;
            cursor = next.getString();
        }
        throw new AssertionError("more than 1000 pages");
    }

    /** URL-encodes a query parameter value. */
    static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A JSON field that JSON-B may omit when null. */
    static boolean absent(JsonObject json, String field) {
        return !json.containsKey(field) || json.isNull(field);
    }

    static String personId(JsonObject json, String field) {
        return absent(json, field) ? null : json.getJsonObject(field).getString("id");
    }
}
