package dev.orden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Readiness reports what the server needs, and the demo tenants it seeded are there to use. */
class HealthIT {

    @Test
    void readyReportsDatabaseKeycloakKeysAndDemoTenantsUp() {
        var ready = Api.anonymous().get(It.BASE_URL + "/health/ready").expect(200).json();
        assertEquals("UP", ready.getString("status"));
        Map<String, JsonObject> checks = ready.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(c -> c.getString("name"), c -> c));
        assertEquals(Set.of("database", "keycloak-keys", "demo-tenants"), checks.keySet(), ready.toString());
        checks.values().forEach(c -> assertEquals("UP", c.getString("status"), c.toString()));
        assertTrue(checks.get("database").getJsonObject("data").getBoolean("migrated"));
    }

    @Test
    void theDemoTenantsAndTheirPeopleWereSeeded() {
        var tenants = Db.tenantIds();
        assertTrue(tenants.keySet().containsAll(Set.of("acme", "globex")), tenants.toString());
        for (var slug : Set.of("acme", "globex")) {
            var admin = Api.as("admin@" + slug + ".test");
            assertEquals(slug, admin.me().getString("tenant"));
            var emails = admin.get("/members").expect(200).objects().stream().map(m -> m.getString("email"))
                    .collect(Collectors.toSet());
            assertTrue(emails.containsAll(Set.of("admin@" + slug + ".test", "dispatcher@" + slug + ".test",
                    "agent@" + slug + ".test", "requester@" + slug + ".test")), emails.toString());
        }
    }
}
