package dev.orden.it;

import static dev.orden.it.WorkOrders.comment;
import static dev.orden.it.WorkOrders.create;
import static dev.orden.it.WorkOrders.get;
import static dev.orden.it.WorkOrders.history;
import static dev.orden.it.WorkOrders.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the server's own OpenAPI document, called by another tenant's administrator with acme's objects
 * in the path: an endpoint added tomorrow is covered without touching this test. An operation that names an object
 * by id (`{ref}`, `{id}`, `{deliveryId}`) answers 404 — or, for a change whose body it refuses first, exactly what
 * it answers for an id that exists nowhere, so the answer tells nothing — and never echoes it; every other
 * operation (collections, the
 * caller's own named configuration) never shows anything of acme and never fails with a 5xx. acme's objects are
 * unchanged afterwards.
 */
class CrossTenantMatrixIT {

    /** Path parameters that name one object by its id, i.e. that must not find another tenant's. */
    private static final Set<String> OBJECT_IDS = Set.of("ref", "id", "deliveryId");
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final Set<String> CHANGING = Set.of("post", "put", "patch", "delete");

    static Api acmeAdmin;
    static Api globexAdmin;
    static String marker;
    static JsonObject acmeOrder;
    static String webhookId;
    static String seriesId;
    static Map<String, String> idsByPathStart;

    @BeforeAll
    static void acmeObjectsOfEveryKind() {
        acmeAdmin = Api.as(It.ACME_ADMIN);
        globexAdmin = Api.as(It.GLOBEX_ADMIN);
        marker = It.unique("matrix");
        var dispatcher = Api.as(It.ACME_DISPATCHER);
        var agent = Api.as(It.ACME_AGENT);
        acmeOrder = create(dispatcher, order(marker + " order").add("assignee", agent.id()).add("team", "field")
                .add("customFields", Json.createObjectBuilder().add("model", "X100")));
        comment(agent, acmeOrder.getString("id"), marker + " internal", "INTERNAL").expect(201);
        acmeOrder = get(dispatcher, acmeOrder.getString("id"));
        webhookId = acmeAdmin.post("/admin/webhooks", Json.createObjectBuilder().add("name", marker)
                .add("url", "http://127.0.0.1:9/" + marker).add("active", false)
                .add("events", Json.createArrayBuilder().add("comment.added")).build()).expect(201).json()
                .getString("id");
        seriesId = dispatcher.post("/recurring-series", Json.createObjectBuilder().add("name", marker)
                .add("template", Json.createObjectBuilder().add("type", "general").add("title", marker + " visit")
                        .add("customFields", Json.createObjectBuilder().add("model", "X100")))
                .add("schedule", Json.createObjectBuilder().add("kind", "interval").add("every", 1)
                        .add("unit", "months").add("time", "09:00")).build()).expect(201).json().getString("id");
        idsByPathStart = Map.of("/admin/webhooks/", webhookId, "/recurring-series/", seriesId,
                "/members/", agent.id());
    }

    @AfterAll
    static void acmeObjectsAreRemoved() {
        acmeAdmin.send("DELETE", "/admin/webhooks/" + webhookId, null, null, Map.of());
        Api.as(It.ACME_DISPATCHER).post("/recurring-series/" + seriesId + "/end", Json.createObjectBuilder().build());
    }

    @Test
    void everyOperationRefusesAnotherTenantsObjects() {
        var historyBefore = history(acmeAdmin, acmeOrder.getString("id"));
        var objectCalls = new ArrayList<String>();
        var otherCalls = new ArrayList<String>();
        for (var path : openApiPaths().entrySet()) {
            var template = path.getKey().replaceFirst("^/api/v1", "");
            var operations = path.getValue().asJsonObject();
            for (var method : operations.keySet()) {
                if (!CHANGING.contains(method) && !method.equals("get")) continue;
                if (streams(operations.getJsonObject(method))) continue;
                var names = parameters(template);
                var namesAnObject = names.stream().anyMatch(OBJECT_IDS::contains);
                // Collections and the caller's own named configuration: reading them is the check; changing them
                // would only change globex's own data.
                if (!namesAnObject && !method.equals("get")) continue;
                var concrete = fill(template);
                var res = call(method, concrete);
                var seen = method.toUpperCase() + " " + template + " -> " + res.status();
                assertFalse(res.body().contains(marker), "acme's data shown to globex: " + res.describe());
                assertTrue(res.status() < 500, "a 5xx: " + res.describe());
                if (namesAnObject) {
                    assertLikeNoObject(method, template, res);
                    objectCalls.add(seen);
                } else {
                    otherCalls.add(seen);
                }
            }
        }
        assertTrue(objectCalls.size() >= 25, "operations on one object, fewer than expected: " + objectCalls);
        assertTrue(otherCalls.size() >= 15, "other operations, fewer than expected: " + otherCalls);

        var after = get(acmeAdmin, acmeOrder.getString("id"));
        assertEquals(acmeOrder.getInt("version"), after.getInt("version"));
        assertEquals(acmeOrder.getString("updatedAt"), after.getString("updatedAt"));
        assertEquals(historyBefore, history(acmeAdmin, acmeOrder.getString("id")));
        var hook = acmeAdmin.get("/admin/webhooks/" + webhookId).expect(200).json();
        assertEquals(marker, hook.getString("name"));
        assertEquals("ACTIVE", acmeAdmin.get("/recurring-series/" + seriesId).expect(200).json().getString("status"));
    }

    /** A GET is 404; a change refused before its object is looked up is refused alike for an object of nobody. */
    private static void assertLikeNoObject(String method, String template, Res res) {
        if (method.equals("get") || res.status() == 404) {
            res.problem(404, "not-found");
            return;
        }
        var nobodys = call(method, PARAMETER.matcher(template)
                .replaceAll(m -> OBJECT_IDS.contains(m.group(1)) ? UUID.randomUUID().toString() : fill("{" + m.group(1) + "}")));
        assertEquals(nobodys.status(), res.status(), res.describe() + " but for no object: " + nobodys.describe());
        assertEquals(nobodys.json().getString("type"), res.json().getString("type"), res.describe());
    }

    private static Res call(String method, String path) {
        var body = method.equals("get") || method.equals("delete") ? null : "{\"to\":\"CANCELLED\",\"reason\":\"x\","
                + "\"body\":\"x\",\"team\":\"globex\",\"title\":\"pwned\",\"version\":" + acmeOrder.getInt("version") + "}";
        var contentType = method.equals("patch") ? Api.MERGE_PATCH : Api.JSON;
        return globexAdmin.send(method.toUpperCase(), path, body == null ? null : contentType, body,
                Map.of("If-Match", "\"" + acmeOrder.getInt("version") + "\""));
    }

    /** The template with acme's objects for its id parameters and harmless names for the rest. */
    private static String fill(String template) {
        var matcher = PARAMETER.matcher(template);
        var filled = new StringBuilder();
        while (matcher.find()) {
            var name = matcher.group(1);
            var prefix = template.substring(0, matcher.start());
            matcher.appendReplacement(filled, switch (name) {
                case "ref" -> acmeOrder.getString("id");
                case "id" -> idsByPathStart.entrySet().stream().filter(e -> prefix.equals(e.getKey())).map(Map.Entry::getValue)
                        .findFirst().orElse(acmeOrder.getString("id"));
                case "n" -> "1";
                default -> "route_by_city";
            });
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    private static List<String> parameters(String template) {
        return PARAMETER.matcher(template).results().map(m -> m.group(1)).toList();
    }

    private static boolean streams(JsonObject operation) {
        return operation.toString().contains("text/event-stream");
    }

    private static JsonObject openApiPaths() {
        try {
            var response = Http.DEFAULT.send(HttpRequest.newBuilder(URI.create(It.BASE_URL + "/openapi?format=JSON"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            try (var reader = Json.createReader(new StringReader(response.body()))) {
                return reader.readObject().getJsonObject("paths");
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
