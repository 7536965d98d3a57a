package dev.orden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tenant audit log: configuration publishes, rollbacks and plugin toggles, webhooks, people; keyset paging,
 * the CSV export, and the table itself — append-only and tenant-isolated for the application's own database role.
 */
class AuditLogIT {

    static People.Tenant tenant;
    static UUID tenantId;

    @BeforeAll
    static void aTenantWithSomeHistory() {
        tenant = People.signUp("aud");
        tenantId = Db.tenantIds().get(tenant.slug());
        var admin = tenant.admin();
        for (var role : List.of("agent", "requester", "dispatcher")) {
            admin.post("/members", People.invitation(People.email("aud-" + role), "Ann O'Neil " + role, role))
                    .expect(201);
        }
    }

    @AfterAll
    static void forget() {
        People.forgetAll();
    }

    private static List<JsonObject> entries(String query) {
        return tenant.admin().get("/admin/audit?limit=200" + query).expect(200).json().getJsonArray("items")
                .getValuesAs(JsonObject.class);
    }

    private static JsonObject only(String action) {
        var found = entries("&action=" + action);
        assertEquals(1, found.size(), action + ": " + found);
        return found.getFirst();
    }

    private static Set<String> strings(JsonValue array) {
        var out = new HashSet<String>();
        array.asJsonArray().getValuesAs(JsonString.class).forEach(s -> out.add(s.getString()));
        return out;
    }

    @Test
    void aPublishARollbackAndThePluginsTheyToggleAreAuditedWithTheirDiff() {
        var admin = tenant.admin();
        var active = Configs.active(admin).getJsonObject("bundle");
        var assignment = active.getJsonObject("assignment");
        var leastLoadedOnly = Json.createArrayBuilder().add(Json.createObjectBuilder().add("key", "least-loaded"));
        var withoutRoundRobin = Json.createObjectBuilder(active).add("assignment", Json.createObjectBuilder(assignment)
                .add("strategies", leastLoadedOnly)).build();
        var published = Configs.publish(admin, withoutRoundRobin);

        var publish = only("config.published");
        assertEquals(String.valueOf(published), publish.getString("targetId"));
        assertEquals(admin.id(), publish.getString("actorId"));
        var diff = publish.getJsonObject("diff");
        assertEquals(Set.of("assignment"), strings(diff.get("parts")));
        assertEquals(1, diff.getInt("fromVersion"));
        assertEquals(published, diff.getInt("toVersion"));
        assertTrue(diff.getJsonArray("patch").getValuesAs(JsonObject.class).stream()
                .anyMatch(op -> op.getString("path").startsWith("/assignment/strategies")), diff.toString());
        assertTrue(publish.getString("summary").contains("assignment"));

        var disabled = only("plugin.disabled");
        assertEquals("assignment-strategy/round-robin", disabled.getString("targetId"));
        assertTrue(disabled.getJsonObject("diff").getJsonObject("before").getBoolean("enabled"));
        assertFalse(disabled.getJsonObject("diff").getJsonObject("after").getBoolean("enabled"));

        var rolledBack = Configs.rollback(admin, 1);
        var rollback = only("config.rolled_back");
        assertEquals(String.valueOf(rolledBack), rollback.getString("targetId"));
        assertEquals(published, rollback.getJsonObject("diff").getInt("fromVersion"));
        assertTrue(rollback.getString("summary").startsWith("Rollback to version 1"));
        assertEquals("assignment-strategy/round-robin", only("plugin.enabled").getString("targetId"));
        assertEquals(2, entries("&action=plugin").size(), "the prefix finds both toggles");
    }

    @Test
    void webhooksAreAuditedWithoutTheirSecret() {
        var admin = tenant.admin();
        var created = admin.post("/admin/webhooks", Json.createObjectBuilder().add("name", "erp")
                .add("url", "http://127.0.0.1:9/audit")
                .add("events", Json.createArrayBuilder().add("workorder.created"))
                .add("active", false).build()).expect(201).json();
        var id = created.getString("id");
        var secret = created.getString("secret");
        var rotated = admin.post("/admin/webhooks/" + id + "/secret", JsonValue.EMPTY_JSON_OBJECT).expect(200).json()
                .getString("secret");
        admin.send("DELETE", "/admin/webhooks/" + id, null, null, Map.of()).expect(204);

        var create = only("webhook.created");
        assertEquals(id, create.getString("targetId"));
        assertEquals("http://127.0.0.1:9/audit", create.getJsonObject("diff").getJsonObject("after").getString("url"));
        assertEquals(id, only("webhook.secret_rotated").getString("targetId"));
        var delete = only("webhook.deleted");
        assertEquals("erp", delete.getJsonObject("diff").getJsonObject("before").getString("name"));
        assertEquals(JsonValue.NULL, delete.getJsonObject("diff").get("after"));
        var everything = admin.get("/admin/audit?limit=200").expect(200).body();
        assertFalse(everything.contains(secret) || everything.contains(rotated), "no secret in the log");
    }

    @Test
    void pagesFollowTheCursorNewestFirstWithoutGapsOrRepeats() {
        var all = entries("").stream().map(e -> e.getJsonNumber("id").longValue()).toList();
        assertTrue(all.size() >= 3, all.toString());
        var paged = new ArrayList<Long>();
        String cursor = null;
        do {
            var page = tenant.admin().get("/admin/audit?limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .expect(200).json();
            var items = page.getJsonArray("items").getValuesAs(JsonObject.class);
            assertTrue(items.size() <= 2);
            items.forEach(e -> paged.add(e.getJsonNumber("id").longValue()));
            cursor = page.get("nextCursor") instanceof JsonString next ? next.getString() : null;
        } while (cursor != null);
        assertEquals(all, paged);
        for (int i = 1; i < all.size(); i++) assertTrue(all.get(i - 1) > all.get(i), "newest first");

        assertEquals(Set.of("cursor", "limit", "action", "from"), tenant.admin()
                .get("/admin/audit?cursor=nope&limit=0&action=Bad!&from=yesterday").invalidFields());
        assertEquals(3, entries("&action=member.invited").size());
        assertEquals(all.size(), entries("&actor=" + tenant.admin().id()).size());
        assertEquals(0, entries("&actor=someone-else").size());
        assertEquals(0, entries("&to=2020-01-01").size());
        assertEquals(all.size(), entries("&from=2020-01-01").size());
    }

    @Test
    void theCsvExportIsRfc4180WithEveryEntry() {
        var json = entries("");
        var response = tenant.admin().getBytes("/admin/audit", "text/csv");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        var text = new String(response.body(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith(
                "id,at,actor_id,actor_name,action,target_type,target_id,target_name,summary,diff\r\n"), text);
        var records = Csv.parse(text);
        assertEquals(json.size() + 1, records.size());
        for (int i = 0; i < json.size(); i++) {
            var row = records.get(i + 1);
            var entry = json.get(i);
            assertEquals(10, row.size());
            assertEquals(String.valueOf(entry.getJsonNumber("id").longValue()), row.get(0));
            assertEquals(entry.getString("action"), row.get(4));
            assertEquals(entry.getString("summary"), row.get(8));
            try (var reader = Json.createReader(new StringReader(row.get(9)))) {
                assertEquals(entry.getJsonObject("diff"), reader.readObject());
            }
        }
        assertTrue(text.contains(",\"{\"\"after\"\":{\"\"roles\"\":[\"\"") && text.contains("\"\"before\"\":null}\""),
                "a JSON diff is one quoted field with its quotes doubled");
    }

    @Test
    void theTableIsAppendOnlyAndTenantIsolatedForTheAppRole() {
        var update = assertThrows(IllegalStateException.class,
                () -> Db.updateAs(tenantId, "UPDATE audit_entry SET summary = 'rewritten'"));
        assertEquals("42501", ((SQLException) update.getCause()).getSQLState());
        var delete = assertThrows(IllegalStateException.class,
                () -> Db.updateAs(tenantId, "DELETE FROM audit_entry"));
        assertEquals("42501", ((SQLException) delete.getCause()).getSQLState());

        var mine = Db.countAs(tenantId, "SELECT count(*) FROM audit_entry");
        assertTrue(mine >= 3);
        var acme = Db.tenantIds().get("acme");
        assertEquals(0, Db.countAs(acme, "SELECT count(*) FROM audit_entry WHERE tenant_id = ?", tenantId));
        assertEquals(0, Db.count("SELECT count(*) FROM audit_entry"), "nothing without a tenant bound");
        var forged = assertThrows(IllegalStateException.class, () -> Db.updateAs(acme, """
                INSERT INTO audit_entry (tenant_id, actor_id, action, target_type)
                VALUES (?, 'x', 'member.invited', 'member')
                """, tenantId));
        assertEquals("42501", ((SQLException) forged.getCause()).getSQLState());
        assertEquals(mine, Db.countAs(tenantId, "SELECT count(*) FROM audit_entry"));
        assertTrue(tenant.admin().get("/admin/audit?limit=200").expect(200).json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().noneMatch(e -> "rewritten".equals(e.getString("summary"))));
    }

    @Test
    void onlyTenantAdminsReadTheLogAndOnlyTheirOwn() {
        for (var who : List.of(It.ACME_AGENT, It.ACME_DISPATCHER, It.ACME_REQUESTER)) {
            Api.as(who).get("/admin/audit").problem(403, "forbidden");
        }
        JsonArray acmes = Api.as(It.ACME_ADMIN).get("/admin/audit?limit=200").expect(200).json().getJsonArray("items");
        var mineIds = entries("").stream().map(e -> e.getJsonNumber("id").longValue()).toList();
        assertTrue(acmes.getValuesAs(JsonObject.class).stream()
                .noneMatch(e -> mineIds.contains(e.getJsonNumber("id").longValue())));
    }

    /** An RFC 4180 reader, strict enough to fail on a wrongly quoted field. */
    static final class Csv {
        static List<List<String>> parse(String text) {
            var records = new ArrayList<List<String>>();
            var record = new ArrayList<String>();
            var field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    if (!field.isEmpty()) throw new AssertionError("a quote inside an unquoted field at " + i);
                    quoted = true;
                } else if (c == ',') {
                    record.add(field.toString());
                    field.setLength(0);
                } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    record.add(field.toString());
                    field.setLength(0);
                    records.add(record);
                    record = new ArrayList<>();
                    i++;
                } else if (c == '\n' || c == '\r') {
                    throw new AssertionError("a bare line break outside quotes at " + i);
                } else {
                    field.append(c);
                }
            }
            if (quoted || !field.isEmpty() || !record.isEmpty()) throw new AssertionError("unterminated last record");
            return records;
        }
    }
}
