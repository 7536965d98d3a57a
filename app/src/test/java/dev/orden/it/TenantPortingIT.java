package dev.orden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A tenant's export, imported into a new tenant (its people moved to another Keycloak: deleted here, invited
 * again by the import), exports again as the original, apart from what docs/import-export.md lists: the export's
 * time, the tenant block, and configuration version numbers (shifted past the new tenant's own first version).
 */
class TenantPortingIT {

    static final List<String> emails = new ArrayList<>();
    static final List<String> slugs = new ArrayList<>();

    @AfterAll
    static void removeWhatKeycloakKeeps() {
        KcAdmin.forgetTenant(null, emails);
        slugs.forEach(slug -> KcAdmin.forgetTenant(slug, List.of()));
    }

    private static String slug(String prefix) {
        var slug = It.unique(prefix);
        slugs.add(slug);
        return slug;
    }

    private static String email(String slug, String name) {
        var email = slug + "-" + name + "@porting.test";
        emails.add(email);
        return email;
    }

    @Test
    void exportImportIntoANewTenantAndExportAgainIsTheSame() {
        var a = slug("exp");
        var adminEmail = email(a, "admin");
        Porting.signup(a, adminEmail);
        var admin = Api.as(adminEmail, Porting.PASSWORD);
        var agentEmail = email(a, "agent");
        var agent = Porting.person(a, agentEmail, "agent");
        var requester = Porting.person(a, email(a, "req"), "requester");
        Configs.publish(admin, Porting.withImportables(Configs.active(admin).getJsonObject("bundle"),
                List.of(agentEmail)));
        var order = requester.post("/workorders", Json.createObjectBuilder().add("title", "Porting leak")
                .add("customFields", Json.createObjectBuilder().add("qty", 2).add("level", "high")).build())
                .expect(201).json();
        var number = order.getString("number");
        admin.post("/workorders/" + number + "/assignment", Json.createObjectBuilder().add("assignee", agent.id())
                .add("team", "field").add("reason", "nearest").build()).expect(200);
        agent.post("/workorders/" + number + "/comments", Json.createObjectBuilder().add("body", "On my way")
                .add("visibility", "PUBLIC").build()).expect(201);
        agent.post("/workorders/" + number + "/comments", Json.createObjectBuilder().add("body", "Staff only")
                .add("visibility", "INTERNAL").build()).expect(201);
        Porting.csv(admin, "/admin/imports/workorders?dryRun=false", """
                title,priority,status,assignee_email,qty
                Imported one,LOW,IN_PROGRESS,%s,4
                """.formatted(agentEmail)).expect(200);

        var original = admin.get("/admin/export").expect(200).json();
        assertEquals(2, original.getJsonArray("orders").size());
        assertEquals(3, original.getJsonArray("members").size(), original.getJsonArray("members").toString());
        admin.send("POST", "/admin/import", Api.JSON, original.toString(), java.util.Map.of()).problem(409, "conflict");

        // Another Orden: the people are not in its Keycloak; the admin signs up again there.
        List.of(adminEmail, agentEmail, email(a, "req"))
                .forEach(e -> KcAdmin.findUserIdByEmail(e).ifPresent(KcAdmin::deleteUser));
        var b = slug("imp-into");
        var bTenant = Porting.signup(b, adminEmail, Porting.PASSWORD + "-b");
        var bAdmin = Api.as(adminEmail, Porting.PASSWORD + "-b");
        var summary = bAdmin.send("POST", "/admin/import", Api.JSON, original.toString(), java.util.Map.of())
                .expect(200).json();
        assertEquals(2, summary.getInt("orders"), summary.toString());
        assertEquals(2, summary.getInt("invited"), "the agent and the requester");
        int shift = summary.getInt("versionShift");
        assertEquals(1, shift, "after the new tenant's own first version");

        var again = bAdmin.get("/admin/export").expect(200).json();
        assertEquals(b, again.getJsonObject("tenant").getString("slug"));
        assertEquals(normalised(original, 0), normalised(again, shift));

        var moved = bAdmin.get("/workorders/" + number).expect(200).json();
        assertEquals("Porting leak", moved.getString("title"));
        assertTrue(KcAdmin.findUserIdByEmail(agentEmail).isPresent(), "invited again");
        assertEquals(KcAdmin.findUserIdByEmail(agentEmail).orElseThrow(),
                moved.getJsonObject("assignee").getString("id"),
                "the assignee is the new account with the same e-mail");
        var next = bAdmin.post("/workorders", Json.createObjectBuilder().add("title", "After the move")
                .add("customFields", Json.createObjectBuilder().add("qty", 1)).build()).expect(201).json();
        assertEquals(order.getJsonNumber("sequence").longValue() + 2, next.getJsonNumber("sequence").longValue(),
                "numbering goes on after the imported orders");
        assertEquals(3, Db.countAs(bTenant, "SELECT count(*) FROM work_order"));

        var audited = bAdmin.get("/admin/audit?limit=200").expect(200).json().getJsonArray("items")
                .getValuesAs(jakarta.json.JsonObject.class).stream().map(e -> e.getString("action")).toList();
        assertTrue(audited.containsAll(java.util.List.of("data.import", "data.export")), "the audit log: " + audited);
    }

    @Test
    void anExportHoldsOnlyTheCallersTenantAndOnlyItsAdminsExport() {
        var mine = slug("exp-mine");
        var mineAdmin = email(mine, "admin");
        Porting.signup(mine, mineAdmin);
        var admin = Api.as(mineAdmin, Porting.PASSWORD);
        admin.post("/workorders", Json.createObjectBuilder().add("title", "Mine only " + mine).build()).expect(201);
        var theirs = slug("exp-theirs");
        var theirAdmin = email(theirs, "admin");
        var theirTenant = Porting.signup(theirs, theirAdmin);
        var them = Api.as(theirAdmin, Porting.PASSWORD);
        var export = them.get("/admin/export").expect(200).json();
        assertEquals(theirs, export.getJsonObject("tenant").getString("slug"));
        assertEquals(0, export.getJsonArray("orders").size());
        assertFalse(export.toString().contains(mine), "nothing of the other tenant");
        var agent = Porting.person(mine, email(mine, "agent"), "agent");
        agent.get("/admin/export").problem(403, null);
        agent.send("POST", "/admin/import", Api.JSON, export.toString(), java.util.Map.of()).problem(403, null);

        // Their (empty) export into their own tenant: nothing of mine moves, mine keeps its order.
        var mineTenant = Db.tenantIds().get(mine);
        them.send("POST", "/admin/import", Api.JSON, export.toString(), java.util.Map.of()).expect(200);
        assertEquals(1, Db.countAs(mineTenant, "SELECT count(*) FROM work_order"));
        assertEquals(0, Db.countAs(theirTenant, "SELECT count(*) FROM work_order"));
    }

    @Test
    void aBodyThatIsNoExportIsRefused() {
        var s = slug("exp-bad");
        var adminEmail = email(s, "admin");
        Porting.signup(s, adminEmail);
        var admin = Api.as(adminEmail, Porting.PASSWORD);
        assertEquals(java.util.Set.of("orders"), admin.send("POST", "/admin/import", Api.JSON,
                "{\"format\":\"something else\",\"orders\":[]}", java.util.Map.of()).invalidFields());
    }

    /** Without the export's time and tenant, versions numbered as in the original. */
    private static JsonObject normalised(JsonObject export, int shift) {
        var result = Json.createObjectBuilder(export).remove("exportedAt").remove("tenant");
        var versions = Json.createArrayBuilder();
        for (var v : export.getJsonArray("configVersions").getValuesAs(JsonObject.class)) {
            if (v.getInt("version") > shift) {
                versions.add(Json.createObjectBuilder(v).add("version", v.getInt("version") - shift));
            }
        }
        result.add("configVersions", versions).add("activeVersion", export.getInt("activeVersion") - shift);
        var orders = Json.createArrayBuilder();
        for (var o : export.getJsonArray("orders").getValuesAs(JsonObject.class)) {
            var history = Json.createArrayBuilder();
            o.getJsonArray("history").getValuesAs(JsonObject.class).forEach(e -> history.add(shifted(e, shift)));
            orders.add(Json.createObjectBuilder(shifted(o, shift)).add("history", history));
        }
        return result.add("orders", orders).build();
    }

    private static JsonObject shifted(JsonObject o, int shift) {
        return o.get("configVersion") instanceof JsonNumber n
                ? Json.createObjectBuilder(o).add("configVersion", n.intValue() - shift).build() : o;
    }
}
