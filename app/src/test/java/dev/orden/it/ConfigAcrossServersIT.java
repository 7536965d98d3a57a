package dev.orden.it;

import static dev.orden.it.WorkOrders.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A configuration published through one server is what the other serves from its very next request: both servers
 * cache each tenant's parsed bundle and compiled rules, and neither may keep serving the old ones (issue #8, "caches
 * of tenant config invalidated across replicas"). The change goes one way and the rollback the other.
 */
class ConfigAcrossServersIT {

    private static final String RULE = """
            function rule(input) {
              return keywords.any(input.order.title, ['replica-escalate']) ? [{type: 'priority', priority: 'URGENT'}] : [];
            }""";

    static Api admin;
    static Api dispatcher;
    static int versionBefore;
    static JsonObject bundleBefore;

    @BeforeAll
    static void bothServersUp() {
        assumeTrue(It.REPLICA_URL != null, "no replica server (orden.it.replicaUrl)");
        It.awaitReady(It.REPLICA_URL);
        admin = Api.as(It.GLOBEX_ADMIN);
        dispatcher = Api.as(It.GLOBEX_DISPATCHER);
        var active = Configs.active(admin);
        versionBefore = active.getInt("version");
        bundleBefore = active.getJsonObject("bundle");
    }

    @AfterAll
    static void rollBack() {
        if (admin != null && versionBefore > 0) Configs.rollback(admin, versionBefore);
    }

    @Test
    void aPublishOnOneServerIsServedByTheOtherAtOnceAndSoIsTheRollback() {
        var title = It.unique("replica-escalate");
        // Both servers have the bundle and the rules cached before the change.
        assertEquals("NORMAL", createOn(It.REPLICA_URL, title).getString("priority"));
        assertEquals("NORMAL", createOn(It.BASE_URL, title).getString("priority"));
        var mandatory = It.unique("mandatory").replace('-', '_');

        var published = Configs.publish(admin, withRuleAndRequiredField(mandatory));

        assertEquals(published, admin.get(It.REPLICA_URL + "/api/v1/admin/config").expect(200).json().getInt("version"));
        assertEquals(Set.of("customFields." + mandatory), dispatcher.post(It.REPLICA_URL + "/api/v1/workorders",
                order(title).add("type", "incident").add("customFields", incidentFields()).build()).invalidFields());
        var escalated = createOn(It.REPLICA_URL, title, Json.createObjectBuilder().add(mandatory, "x").build());
        assertEquals("URGENT", escalated.getString("priority"));

        var rolledBack = admin.post(It.REPLICA_URL + "/api/v1/admin/config/versions/" + versionBefore + "/rollback",
                Json.createObjectBuilder().build()).expect(200).json().getInt("version");

        assertEquals(rolledBack, Configs.active(admin).getInt("version"));
        assertEquals("NORMAL", createOn(It.BASE_URL, title).getString("priority"));
    }

    private static JsonObject createOn(String server, String title) {
        return createOn(server, title, Json.createObjectBuilder().build());
    }

    private static JsonObject createOn(String server, String title, JsonObject extraFields) {
        var fields = Json.createObjectBuilder(incidentFields());
        extraFields.forEach(fields::add);
        return dispatcher.post(server + "/api/v1/workorders", order(title).add("type", "incident")
                .add("priority", "NORMAL").add("customFields", fields).build()).expect(201).json();
    }

    private static JsonObject incidentFields() {
        return Json.createObjectBuilder().add("site", Json.createObjectBuilder().add("address", "Gran Vía 1, Madrid"))
                .add("system", "hvac").build();
    }

    /** globex's bundle with a required text field on the incident type and a rule escalating a keyword. */
    private static JsonObject withRuleAndRequiredField(String field) {
        var fields = Json.createArrayBuilder(bundleBefore.getJsonArray("fields")).add(Json.createObjectBuilder()
                .add("key", field).add("type", "text").add("required", true)
                .add("label", Json.createObjectBuilder().add("es", "Obligatorio").add("en", "Mandatory")));
        var types = Json.createArrayBuilder();
        for (var type : bundleBefore.getJsonArray("types").getValuesAs(JsonObject.class)) {
            types.add(!type.getString("key").equals("incident") ? type : Json.createObjectBuilder(type)
                    .add("fields", Json.createArrayBuilder(type.getJsonArray("fields")).add(field)).build());
        }
        var rules = Json.createArrayBuilder(bundleBefore.getJsonArray("rules")).add(Json.createObjectBuilder()
                .add("key", "replica_escalate").add("name", "Escalate on the replica test's keyword")
                .add("events", Json.createArrayBuilder().add("workorder.creating")).add("order", 100)
                .add("mode", "active").add("onError", "skip").add("source", RULE));
        return Json.createObjectBuilder(bundleBefore).add("fields", fields).add("types", types).add("rules", rules)
                .build();
    }
}
