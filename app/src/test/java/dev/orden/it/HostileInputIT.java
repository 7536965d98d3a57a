package dev.orden.it;

import static dev.orden.it.WorkOrders.create;
import static dev.orden.it.WorkOrders.get;
import static dev.orden.it.WorkOrders.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #8's security suite, the input half: protected fields a client tries to set, SQL and JPQL through every
 * filter, sort key and custom-field key, hostile Unicode and deep JSON. Each is a 4xx problem or is stored exactly
 * as sent — never a 5xx, never another tenant's row, never a changed order.
 */
class HostileInputIT {

    static Api dispatcher;
    static Api globex;
    static String marker;
    static String ref;

    @BeforeAll
    static void oneOrderOnEachSide() {
        dispatcher = Api.as(It.ACME_DISPATCHER);
        globex = Api.as(It.GLOBEX_DISPATCHER);
        marker = It.unique("hostile");
        create(globex, order(marker + " globex"));
        ref = create(dispatcher, order(marker + " acme")).getString("id");
    }

    @Test
    void protectedFieldsCannotBeSetOnCreateOrChange() {
        var fields = Map.of("tenantId", "0b8f9f3e-2a7a-4f9c-9d7e-1f1f1f1f1f1f", "tenant_id", "x", "id",
                "0b8f9f3e-2a7a-4f9c-9d7e-000000000000", "number", "WO-1", "completedBy", "someone", "completedAt",
                "2020-01-01T00:00:00Z", "createdBy", "someone", "createdAt", "2020-01-01T00:00:00Z", "configVersion", "1");
        var create = order(marker + " mass");
        fields.forEach(create::add);
        assertEquals(fields.keySet(), dispatcher.post("/workorders", create.build()).invalidFields());
        var patch = Json.createObjectBuilder();
        fields.forEach(patch::add);
        assertEquals(fields.keySet(), dispatcher.patch("/workorders/" + ref, patch.build(), 1).invalidFields());
        var stored = get(dispatcher, ref);
        assertEquals(1, stored.getInt("version"));
        assertFalse(stored.containsKey("completedBy") && !stored.isNull("completedBy"), stored.toString());
    }

    @Test
    void injectionThroughFiltersSortKeysAndCustomFieldKeysIsRefusedOrInert() {
        var attempts = List.of(
                "sort=title;DROP TABLE work_order", "sort=-cf.x') OR 1=1--", "sort=(SELECT 1)", "sort=tenant_id",
                "sort=cf.a\"b", "status=' OR '1'='1", "category=open' OR 1=1--", "priority=HIGH') OR ('a'='a",
                "assignee=' OR ''='", "team=x' UNION SELECT * FROM tenant--", "type=';--", "area=a\u0000b",
                "requester=me' OR 1=1--", "q=%' OR 1=1 --", "q=' UNION SELECT title FROM work_order --",
                "cf.a'b=1", "cf.model') OR 1=1--=x", "cf.x=1' OR '1'='1", "cf.model=X\\' OR 1=1", "cursor=' OR 1=1",
                "cursor=eyJ0IjoiJyBPUiAxPTEifQ", "limit=1;DROP TABLE tenant", "q=\\x'; DELETE FROM work_order");
        var statuses = new ArrayList<String>();
        for (var query : attempts) {
            var path = "/workorders?" + encodeValue(query);
            for (var res : List.of(dispatcher.get(path), dispatcher.get(path.replace("/workorders?", "/workorders/counts?")))) {
                assertTrue(res.status() < 500, res.describe());
                assertFalse(res.body().contains(marker + " globex"), "another tenant's order: " + res.describe());
                if (res.status() != 200) res.problem(res.status(), null);
                statuses.add(res.status() + " " + query);
            }
        }
        assertTrue(statuses.stream().anyMatch(s -> s.startsWith("422")), statuses.toString());
        assertEquals(1, get(dispatcher, ref).getInt("version"));
        assertEquals(marker + " globex", globex.get("/workorders?q=" + URLEncoder.encode(marker, StandardCharsets.UTF_8))
                .expect(200).json().getJsonArray("items").getJsonObject(0).getString("title"));
    }

    @Test
    void hostileUnicodeIsStoredExactlyOrRefused() {
        var kept = List.of("\u202Eevil\u202C rtl override", "e\u0301\u0301\u0301 combining", "\uD83D\uDCA9 emoji "
                + "\uD83D\uDC69\u200D\uD83D\uDD27 zwj", "\uFEFFbom and \u200Bzero width", "日本語 العربية ελληνικά",
                "<script>alert(1)</script>", "'; DROP TABLE work_order; --", "${jndi:ldap://x/a} {{7*7}}");
        for (var title : kept) {
            var created = dispatcher.post("/workorders", order(title).build());
            assertTrue(created.status() == 201 || created.status() == 422, created.describe());
            if (created.status() == 201) {
                assertEquals(title, get(dispatcher, created.json().getString("id")).getString("title"));
            } else {
                assertEquals(Set.of("title"), created.invalidFields());
            }
        }
        // PostgreSQL's text cannot hold NUL: a 422 naming the field, not a failed INSERT.
        assertEquals(Set.of("title"), dispatcher.send("POST", "/workorders", Api.JSON,
                "{\"title\":\"nul \\u0000 inside\"}", Map.of()).invalidFields());
        assertEquals(Set.of("body"), dispatcher.send("POST", "/workorders/" + ref + "/comments", Api.JSON,
                "{\"body\":\"nul \\u0000\"}", Map.of()).invalidFields());
        // A lone surrogate is not Unicode text.
        var lone = dispatcher.send("POST", "/workorders", Api.JSON, "{\"title\":\"half \\ud800 a pair\"}", Map.of());
        assertTrue(lone.status() == 400 || lone.status() == 422, lone.describe());
        lone.problem(lone.status(), null);
    }

    @Test
    void deeplyNestedJsonIsA400() {
        for (var depth : List.of(1_000, 100_000)) {
            var deep = "{\"title\":\"deep\",\"customFields\":{\"model\":" + "[".repeat(depth) + "]".repeat(depth) + "}}";
            var res = dispatcher.send("POST", "/workorders", Api.JSON, deep, Map.of());
            assertTrue(res.status() == 400 || res.status() == 422 || res.status() == 413, res.describe());
            res.problem(res.status(), null);
        }
        assertEquals(1, get(dispatcher, ref).getInt("version"));
    }

    /** The query's key and value encoded as a browser would send them, so the attack reaches the server intact. */
    private static String encodeValue(String query) {
        var parts = query.split("=", 2);
        return URLEncoder.encode(parts[0], StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(parts[1], StandardCharsets.UTF_8);
    }
}
