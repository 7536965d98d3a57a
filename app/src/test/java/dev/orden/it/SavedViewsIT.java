package dev.orden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Saved queue views: the caller's own, by name, validated field by field; nobody else's, in no tenant. */
class SavedViewsIT {

    private final Api dispatcher = Api.as(It.ACME_DISPATCHER);
    private final Api agent = Api.as(It.ACME_AGENT);
    private final Api globexAgent = Api.as(It.GLOBEX_AGENT);

    private static JsonObject view(String name, String queue) {
        return Json.createObjectBuilder().add("name", name).add("queue", queue)
                .add("filters", Json.createObjectBuilder().add("status", Json.createArrayBuilder().add("NEW")
                        .add("IN_PROGRESS")).add("priority", "HIGH").add("q", "lavadora").add("cf.model", "X100")
                        .add("cf.partsCost.gte", "10").add("sort", "-updatedAt"))
                .build();
    }

    private static Res put(Api api, String path, JsonObject body) {
        return api.send("PUT", path, Api.JSON, body.toString(), Map.of());
    }

    private static Res delete(Api api, String path) {
        return api.send("DELETE", path, null, null, Map.of());
    }

    @Test
    void aUserSavesReadsRenamesAndDeletesTheirViews() {
        var name = It.unique("urgent washers");
        var created = dispatcher.post("/me/views", view(name, "unassigned")).expect(201);
        var saved = created.json();
        var id = saved.getString("id");
        assertTrue(created.header("Location").orElse("").endsWith("/api/v1/me/views/" + id), created.describe());
        assertEquals("unassigned", saved.getString("queue"));
        assertEquals(List.of("NEW", "IN_PROGRESS"), saved.getJsonObject("filters").getJsonArray("status")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals("X100", saved.getJsonObject("filters").getString("cf.model"));

        var listed = dispatcher.get("/me/views").expect(200).objects();
        assertTrue(listed.stream().anyMatch(v -> v.getString("id").equals(id)), listed.toString());
        assertEquals(saved.getJsonObject("filters"), dispatcher.get("/me/views/" + id).expect(200).json()
                .getJsonObject("filters"));

        var renamed = put(dispatcher, "/me/views/" + id, Json.createObjectBuilder().add("name", name + " (mine)")
                .add("queue", "mine").build()).expect(200).json();
        assertEquals(name + " (mine)", renamed.getString("name"));
        assertEquals("mine", renamed.getString("queue"));
        assertEquals(0, renamed.getJsonObject("filters").size(), "filters left out are none");

        delete(dispatcher, "/me/views/" + id).expect(204);
        dispatcher.get("/me/views/" + id).problem(404, "not-found");
        assertTrue(dispatcher.get("/me/views").expect(200).objects().stream().noneMatch(v -> v.getString("id").equals(id)));
    }

    @Test
    void badInputIsA422PerField() {
        var fields = dispatcher.post("/me/views", Json.createObjectBuilder().add("name", " ").add("queue", "everything")
                .add("colour", "red").add("filters", Json.createObjectBuilder().add("status", 3)
                        .add("password", "x").add("q", "y".repeat(201))).build()).invalidFields();
        assertEquals(Set.of("name", "queue", "colour", "filters.status", "filters.password", "filters.q"), fields);
        assertEquals(Set.of("name", "queue"), dispatcher.post("/me/views", Json.createObjectBuilder().build())
                .invalidFields());
        assertEquals(Set.of("filters"), dispatcher.post("/me/views", Json.createObjectBuilder().add("name", "x")
                .add("queue", "all").add("filters", "status=NEW").build()).invalidFields());

        var name = It.unique("twice");
        dispatcher.post("/me/views", view(name, "all")).expect(201);
        dispatcher.post("/me/views", view(name, "mine")).problem(409, "conflict");
        // the same name is free for another person
        agent.post("/me/views", view(name, "mine")).expect(201);
    }

    @Test
    void anotherUsersOrTenantsViewIsNotFound() {
        var id = dispatcher.post("/me/views", view(It.unique("private"), "teams")).expect(201).json().getString("id");
        for (var other : List.of(agent, globexAgent)) {
            other.get("/me/views/" + id).problem(404, "not-found");
            put(other, "/me/views/" + id, view("taken over", "all")).problem(404, "not-found");
            delete(other, "/me/views/" + id).problem(404, "not-found");
            assertTrue(other.get("/me/views").expect(200).objects().stream()
                    .noneMatch(v -> v.getString("id").equals(id)), other + " lists it");
        }
        dispatcher.get("/me/views/" + id).expect(200);
        dispatcher.get("/me/views/not-a-uuid").problem(404, "not-found");
        Api.as(It.ACME_REQUESTER).get("/me/views").problem(403, "forbidden");
    }

    @Test
    void rowLevelSecurityHidesAnotherTenantsViewsFromSql() {
        var id = UUID.fromString(dispatcher.post("/me/views", view(It.unique("rls"), "all")).expect(201).json()
                .getString("id"));
        var tenants = Db.tenantIds();
        assertEquals(1, Db.countAs(tenants.get("acme"), "SELECT count(*) FROM saved_view WHERE id = ?", id));
        assertEquals(0, Db.countAs(tenants.get("globex"), "SELECT count(*) FROM saved_view WHERE id = ?", id));
        assertEquals(0, Db.count("SELECT count(*) FROM saved_view WHERE id = ?", id), "no tenant bound, no rows");
    }
}
