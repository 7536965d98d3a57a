package dev.orden.it;

import static dev.orden.it.WorkOrders.create;
import static dev.orden.it.WorkOrders.get;
import static dev.orden.it.WorkOrders.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Draft flow rules tried before they are published, in a company signed up for this class (so that its orders are
 * exactly the 100 seeded here): rule tests and syntax errors blocking a draft, and dry runs over one order or the
 * last N with their summary, a runaway draft, another tenant's order and bad requests.
 */
class RuleDryRunIT {

    private static final String PASSWORD = "correct-horse-battery";
    private static final String LEAKS = """
            function rule(input) {
              log('title', input.order.title);
              if (!keywords.any(input.order.title, ['fuga'])) return [];
              return [{type: 'priority', priority: 'HIGH'}, {type: 'comment', visibility: 'internal', body: 'leak'}];
            }""";
    private static final String BOOM = """
            function rule(input) {
              if (keywords.any(input.order.title, ['boom'])) throw new Error('boom in ' + input.order.number);
              return [];
            }""";

    static Api admin;
    static UUID tenantId;
    static String organizationId;
    static String adminUserId;
    static final List<JsonObject> seeded = new ArrayList<>();

    /** A new company and 100 orders: every 4th mentions a leak ("fuga"), every 10th says "boom". */
    @BeforeAll
    static void signUpAndSeed() {
        var slug = It.unique("dry");
        var email = slug + "-admin@signup.test";
        var client = Api.anonymous(Http.fromLoopback(It.randomBetween(2, 249), It.randomBetween(1, 254)));
        var signup = client.post("/signup", Json.createObjectBuilder().add("company", "Dry Run " + slug)
                .add("slug", slug).add("adminEmail", email).add("adminName", "Rita Rules").add("password", PASSWORD)
                .build()).expect(201).json();
        tenantId = UUID.fromString(signup.getString("tenantId"));
        organizationId = KcAdmin.findOrganizationId(slug).orElse(null);
        adminUserId = KcAdmin.findUserIdByEmail(email).orElse(null);
        admin = Api.as(email, PASSWORD);
        for (int i = 1; i <= 100; i++) {
            var title = "Orden " + i + (i % 4 == 0 ? " fuga" : "") + (i % 10 == 0 ? " boom" : "");
            seeded.add(create(admin, order(title).add("priority", "LOW")));
        }
    }

    @AfterAll
    static void removeWhatKeycloakKeeps() {
        if (adminUserId != null) KcAdmin.deleteQuietly(() -> KcAdmin.deleteUser(adminUserId));
        if (organizationId != null) KcAdmin.deleteQuietly(() -> KcAdmin.deleteOrganization(organizationId));
    }

    private static JsonObjectBuilder rule(String key, String event, String source) {
        return Json.createObjectBuilder().add("key", key).add("name", "Rule " + key)
                .add("events", Json.createArrayBuilder().add(event)).add("source", source);
    }

    private static Res dryRun(JsonObjectBuilder body) {
        return admin.post("/admin/rules/dry-run", body.build());
    }

    private static JsonObjectBuilder rules(JsonObjectBuilder... rules) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (var rule : rules) array.add(rule);
        return Json.createObjectBuilder().add("rules", array);
    }

    private static JsonObject draftWith(JsonObjectBuilder rule) {
        var bundle = Configs.active(admin).getJsonObject("bundle");
        var draft = Json.createObjectBuilder(bundle).add("rules", Json.createArrayBuilder().add(rule)).build();
        return admin.send("PUT", "/admin/config/draft", Api.JSON, draft.toString(), Map.of()).expect(200).json();
    }

    private static JsonObject onlyError(JsonObject checked) {
        assertFalse(checked.getBoolean("valid"), checked.toString());
        var errors = checked.getJsonArray("errors");
        assertEquals(1, errors.size(), errors.toString());
        return errors.getJsonObject(0);
    }

    @Test
    void aFailingRuleTestBlocksPublishingAndNamesItsFileAndCase() {
        var tests = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("name", "a leak is urgent").add("input", Json.createObjectBuilder()
                        .add("order", Json.createObjectBuilder().add("title", "fuga"))).add("expect", Json.createReader(
                        new java.io.StringReader("[{\"type\":\"priority\",\"priority\":\"HIGH\"},"
                                + "{\"type\":\"comment\",\"visibility\":\"internal\",\"body\":\"leak\"}]")).readArray()))
                .add(Json.createObjectBuilder().add("name", "wrongly hopes for LOW").add("input", Json.createObjectBuilder()
                        .add("order", Json.createObjectBuilder().add("title", "nada")))
                        .add("expect", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "priority")
                                .add("priority", "LOW")))).build();
        var error = onlyError(draftWith(rule("leaks", "workorder.creating", LEAKS).add("tests", tests)));
        assertEquals("/rules/0/tests/1", error.getString("field"));
        assertEquals("rules/leaks.test.json", error.getString("file"));
        assertEquals("/1", error.getString("pointer"));
        assertEquals("test 'wrongly hopes for LOW': expected [{\"type\":\"priority\",\"priority\":\"LOW\"}], got []",
                error.getString("message"));

        var versionBefore = Configs.active(admin).getInt("version");
        var refused = admin.post("/admin/config/draft/publish", JsonValue.EMPTY_JSON_OBJECT).problem(422, "validation");
        assertEquals("/rules/0/tests/1", refused.getJsonArray("errors").getJsonObject(0).getString("field"));
        admin.post("/admin/config/draft/validate", JsonValue.EMPTY_JSON_OBJECT).problem(422, "validation");
        assertEquals(versionBefore, Configs.active(admin).getInt("version"), "nothing was published");

        var fixed = draftWith(rule("leaks", "workorder.creating", LEAKS).add("tests", Json.createArrayBuilder()
                .add(tests.getJsonObject(0))));
        assertTrue(fixed.getBoolean("valid"), fixed.toString());
    }

    @Test
    void aSyntaxErrorIsToldWithItsLineAndColumnInTheDraftAndInADryRun() {
        var source = "function rule(input) {\n  return [;\n}";
        var error = onlyError(draftWith(rule("broken", "workorder.created", source)));
        assertEquals("/rules/0/source", error.getString("field"));
        assertEquals("rules/broken.js", error.getString("file"));
        assertEquals("", error.getString("pointer"));
        assertTrue(error.getString("message").startsWith("line 2, column 11: "), error.toString());

        var problem = dryRun(rules(rule("fine", "workorder.created", "function rule() { return []; }"),
                rule("broken", "workorder.created", source)).add("lastOrders", 5)).problem(422, "validation");
        var errors = problem.getJsonArray("errors");
        assertEquals(1, errors.size(), problem.toString());
        assertEquals("/rules/1/source", errors.getJsonObject(0).getString("field"));
        assertTrue(errors.getJsonObject(0).getString("message").startsWith("rule 'broken': line 2, column 11: "),
                problem.toString());
    }

    @Test
    void aDryRunOverTheLast100OrdersSummarizesWhatTheRulesWouldDoAndChangesNothing() {
        var report = dryRun(rules(rule("leaks", "workorder.created", LEAKS), rule("boom", "workorder.created", BOOM))
                .add("lastOrders", 100)).expect(200).json();
        var summary = report.getJsonObject("summary");
        assertEquals(100, summary.getInt("orders"), summary.toString());
        assertEquals(25, summary.getInt("withEffects"), summary.toString());
        assertEquals(10, summary.getInt("errors"), summary.toString());
        assertEquals(Json.createObjectBuilder().add("comment", 25).add("priority", 25).build(),
                summary.getJsonObject("effectsByType"));
        assertTrue(summary.getJsonNumber("p50Micros").longValue() > 0, summary.toString());
        assertTrue(summary.getJsonNumber("p95Micros").longValue() >= summary.getJsonNumber("p50Micros").longValue());

        var results = report.getJsonArray("results").getValuesAs(JsonObject.class);
        assertEquals(seeded.reversed().stream().map(o -> o.getString("id")).toList(),
                results.stream().map(r -> r.getString("orderId")).toList(), "newest first, every seeded order");
        var wo20 = results.stream().filter(r -> r.getString("number").equals("WO-20")).findFirst().orElseThrow();
        assertEquals(List.of("leaks", "leaks"), wo20.getJsonArray("effects").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("rule")).toList());
        assertEquals("HIGH", wo20.getJsonArray("effects").getJsonObject(0).getJsonObject("effect").getString("priority"));
        var boom = wo20.getJsonArray("errors").getJsonObject(0);
        assertEquals("boom", boom.getString("rule"));
        assertEquals("EXCEPTION", boom.getString("kind"));
        assertEquals("Error: boom in WO-20", boom.getString("message"));
        assertEquals(2, boom.getInt("line"));
        assertFalse(wo20.containsKey("log"), "logs only for a one-order dry run");

        assertEquals("LOW", get(admin, "WO-20").getString("priority"), "nothing applied");
        assertEquals(0, Db.countAs(tenantId, "SELECT count(*) FROM rule_trace"), "nothing traced");
        assertEquals(0, Db.countAs(tenantId, "SELECT count(*) FROM work_order_comment"), "nothing commented");

        var lastTen = dryRun(rules(rule("leaks", "workorder.created", LEAKS)).add("lastOrders", 10)).expect(200).json();
        assertEquals(List.of("WO-100", "WO-99", "WO-98", "WO-97", "WO-96", "WO-95", "WO-94", "WO-93", "WO-92", "WO-91"),
                lastTen.getJsonArray("results").getValuesAs(JsonObject.class).stream()
                        .map(r -> r.getString("number")).toList());
        assertEquals(3, lastTen.getJsonObject("summary").getInt("withEffects"));
    }

    @Test
    void aRunawayDraftComesBackAsAnErrorEntryWithinTwoSeconds() {
        var started = System.nanoTime();
        var report = dryRun(rules(rule("runaway", "workorder.created", "function rule() { while (true) {} }")
                .add("limits", Json.createObjectBuilder().add("statements", 10_000_000)))
                .add("lastOrders", 100)).expect(200).json();
        var tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMillis < 2_000, "took " + tookMillis + " ms");
        var results = report.getJsonArray("results").getValuesAs(JsonObject.class);
        assertEquals(100, results.size());
        var first = results.getFirst().getJsonArray("errors").getJsonObject(0);
        assertTrue(Set.of("TIMEOUT", "STATEMENT_LIMIT").contains(first.getString("kind")), first.toString());
        var later = results.get(1).getJsonArray("errors").getJsonObject(0);
        assertEquals("NOT_RUN", later.getString("kind"));
        assertTrue(later.getString("message").contains("on WO-100"), later.toString());
        assertEquals(100, report.getJsonObject("summary").getInt("errors"));

        started = System.nanoTime();
        var one = dryRun(rules(rule("runaway", "workorder.created", "function rule() { while (true) {} }"))
                .add("order", Json.createObjectBuilder().add("id", seeded.getFirst().getString("id")))).expect(200).json();
        tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMillis < 2_000, "took " + tookMillis + " ms");
        assertEquals(1, one.getJsonObject("summary").getInt("errors"), one.toString());
    }

    @Test
    void oneOrderStoredOrWrittenOutWithTheEventAndChangeGivenAndTheLog() {
        var stored = dryRun(rules(rule("leaks", "workorder.created", LEAKS))
                .add("order", Json.createObjectBuilder().add("id", "WO-4"))).expect(200).json();
        var result = stored.getJsonArray("results").getJsonObject(0);
        assertEquals(seeded.get(3).getString("id"), result.getString("orderId"));
        assertEquals(2, result.getJsonArray("effects").size());
        assertEquals(List.of("leaks: title Orden 4 fuga"), result.getJsonArray("log").getValuesAs(
                jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());

        var guard = rule("guard", "workorder.transitioning", """
                function rule(input) {
                  return input.change.to === 'CANCELLED' && input.actor.roles.includes('tenant-admin')
                      ? [{type: 'reject', message: 'not ' + input.order.title + ' on ' + input.event}] : [];
                }""");
        var given = dryRun(rules(guard, rule("leaks", "workorder.created", LEAKS))
                .add("order", Json.createObjectBuilder().add("title", "Caldera"))
                .add("event", "workorder.transitioning")
                .add("change", Json.createObjectBuilder().add("to", "CANCELLED"))).expect(200).json();
        var written = given.getJsonArray("results").getJsonObject(0);
        assertFalse(written.containsKey("orderId"));
        assertEquals(Json.createArrayBuilder().add(Json.createObjectBuilder().add("rule", "guard").add("effect",
                Json.createObjectBuilder().add("type", "reject").add("message", "not Caldera on workorder.transitioning")))
                .build(), written.getJsonArray("effects"), "only the rule on the event given runs");
    }

    @Test
    void anotherTenantsOrderIsNotFound() {
        var theirs = create(Api.as(It.GLOBEX_REQUESTER), It.unique("not yours"));
        dryRun(rules(rule("leaks", "workorder.created", LEAKS))
                .add("order", Json.createObjectBuilder().add("id", theirs.getString("id")))).problem(404, "not-found");
    }

    @Test
    void badRequestsNameEveryField() {
        assertEquals(Set.of("/rules", "/order"), admin.post("/admin/rules/dry-run", JsonValue.EMPTY_JSON_OBJECT)
                .invalidFields());
        java.util.function.Supplier<JsonObjectBuilder> leaks = () -> rule("leaks", "workorder.created", LEAKS);
        assertEquals(Set.of("/lastOrders"), dryRun(rules(leaks.get()).add("lastOrders", 5)
                .add("order", Json.createObjectBuilder().add("title", "x"))).invalidFields());
        assertEquals(Set.of("/lastOrders"), dryRun(rules(leaks.get()).add("lastOrders", 501)).invalidFields());
        assertEquals(Set.of("/order/id"), dryRun(rules(leaks.get()).add("order", Json.createObjectBuilder().add("id", "WO-1")
                .add("title", "x"))).invalidFields());
        assertEquals(Set.of("/event", "/change"), dryRun(rules(leaks.get()).add("lastOrders", 1)
                .add("event", "comment.added").add("change", "no")).invalidFields());
        assertEquals(Set.of("/rules/0/events"), dryRun(rules(Json.createObjectBuilder().add("name", "no events")
                .add("source", LEAKS)).add("lastOrders", 1)).invalidFields());
        assertEquals(Set.of("/rules/1/key"), dryRun(rules(leaks.get(), leaks.get()).add("lastOrders", 1)).invalidFields());
    }

    @Test
    void onlyTheTenantAdminMayUseIt() {
        var body = rules(rule("leaks", "workorder.created", LEAKS)).add("lastOrders", 1).build();
        Api.as(It.GLOBEX_DISPATCHER).post("/admin/rules/dry-run", body).problem(403, null);
        Api.as(It.GLOBEX_AGENT).post("/admin/rules/dry-run", body).problem(403, null);
    }
}
