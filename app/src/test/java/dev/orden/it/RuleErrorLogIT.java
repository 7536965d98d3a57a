package dev.orden.it;

import static dev.orden.it.WorkOrders.create;
import static dev.orden.it.WorkOrders.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The per-rule error log and usage after live rules failed and rejected: rules this class publishes for globex
 * (rolled back afterwards), one that throws on "explode" and one that vetoes "veto".
 */
class RuleErrorLogIT {

    static Api admin;
    static Api requester;
    static int versionBefore;
    static int published;
    static Instant publishedAt;
    static JsonObject exploded;

    @BeforeAll
    static void publishFailingRulesAndRunThem() {
        admin = Api.as(It.GLOBEX_ADMIN);
        requester = Api.as(It.GLOBEX_REQUESTER);
        var active = Configs.active(admin);
        versionBefore = active.getInt("version");
        var bundle = active.getJsonObject("bundle");
        var rules = Json.createArrayBuilder(bundle.getJsonArray("rules"));
        rule(rules, "log_exploder", "workorder.created", """
                function rule(input) {
                  if (keywords.any(input.order.title, ['explode'])) return input.order.customFields.no.such;
                  return [];
                }""").add(Json.createObjectBuilder().add("key", "log_vetoer").add("name", "Vetoes")
                .add("events", Json.createArrayBuilder().add("workorder.creating")).add("source", """
                        function rule(input) {
                          return keywords.any(input.order.title, ['veto']) ? [{type: 'reject', message: 'vetoed'}] : [];
                        }"""));
        publishedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        published = Configs.publish(admin, Json.createObjectBuilder(bundle).add("rules", rules).build());
        exploded = create(requester, "explode " + It.unique("x"));
        requester.post("/workorders", order("veto " + It.unique("x")).build()).problem(422, "rule-rejected");
    }

    private static JsonArrayBuilder rule(JsonArrayBuilder rules, String key, String event, String source) {
        return rules.add(Json.createObjectBuilder().add("key", key).add("name", "Explodes")
                .add("events", Json.createArrayBuilder().add(event)).add("source", source)
                .add("limits", Json.createObjectBuilder().add("timeoutMillis", 200)));
    }

    @AfterAll
    static void rollBack() {
        if (admin != null) Configs.rollback(admin, versionBefore);
    }

    private static List<JsonObject> errors(String query) {
        return admin.get("/admin/rules/errors" + query).expect(200).objects();
    }

    private static JsonObject usageOf(JsonObject usage, String rule) {
        return usage.getJsonArray("rules").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("rule").equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + rule + " in " + usage));
    }

    @Test
    void aRulesErrorsAreListedNewestFirstWithTheirPlace() {
        var mine = errors("?rule=log_exploder");
        assertEquals(1, mine.size(), mine.toString());
        var error = mine.getFirst();
        assertEquals("ERROR", error.getString("outcome"));
        assertEquals(exploded.getString("id"), error.getString("orderId"));
        assertEquals(published, error.getInt("configVersion"));
        assertEquals("workorder.created", error.getString("event"));
        assertEquals("EXCEPTION", error.getJsonObject("error").getString("kind"));
        assertEquals(2, error.getJsonObject("error").getInt("line"));

        var newest = errors("?limit=2");
        assertEquals(List.of("log_vetoer", "log_exploder"), newest.stream().map(e -> e.getString("rule")).toList());
        assertEquals("REJECTED", newest.getFirst().getString("outcome"));
        assertFalse(newest.getFirst().containsKey("orderId"), "a rejected creation stored no order");
        assertEquals(List.of(), errors("?rule=no_such_rule"));
        assertEquals(Set.of("limit"), admin.get("/admin/rules/errors?limit=0").invalidFields());
    }

    @Test
    void usageShowsRunsErrorsAndDurationsBesideTheLimits() {
        var usage = admin.get("/admin/rules/usage?since=" + publishedAt).expect(200).json();
        assertEquals(publishedAt.toString(), usage.getString("since"));
        var exploder = usageOf(usage, "log_exploder");
        assertEquals(1, exploder.getInt("runs"), exploder.toString());
        assertEquals(1, exploder.getInt("errors"));
        assertTrue(exploder.getBoolean("active"));
        assertEquals(200, exploder.getJsonObject("limits").getInt("timeoutMillis"));
        assertTrue(exploder.getJsonNumber("p95Micros").longValue() > 0, exploder.toString());
        var share = exploder.getJsonObject("budget").getJsonNumber("p95ShareOfTimeout").doubleValue();
        assertTrue(share > 0 && share < 1, exploder.toString());

        var vetoer = usageOf(usage, "log_vetoer");
        assertEquals(2, vetoer.getInt("runs"), vetoer.toString());
        assertEquals(1, vetoer.getInt("rejected"));
        assertEquals(0, vetoer.getInt("errors"));
        assertEquals(500, vetoer.getJsonObject("limits").getInt("timeoutMillis"), "the server's maximum");

        var later = admin.get("/admin/rules/usage?since=" + Instant.now().plusSeconds(3600)).expect(200).json();
        var idle = usageOf(later, "log_exploder");
        assertEquals(0, idle.getInt("runs"));
        assertFalse(idle.containsKey("p95Micros"));
        assertTrue(idle.containsKey("limits"), "an active rule is listed even when it did not run");
        assertEquals(Set.of("since"), admin.get("/admin/rules/usage?since=yesterday").invalidFields());
    }

    @Test
    void theLogAndTheUsageAreForTheTenantAdminOnly() {
        var dispatcher = Api.as(It.GLOBEX_DISPATCHER);
        dispatcher.get("/admin/rules/errors").problem(403, null);
        dispatcher.get("/admin/rules/usage").problem(403, null);
        requester.get("/admin/rules/usage").problem(403, null);
        var acme = Api.as(It.ACME_ADMIN);
        assertTrue(acme.get("/admin/rules/errors?rule=log_exploder").expect(200).objects().isEmpty(),
                "another tenant's traces are not seen");
        assertFalse(acme.get("/admin/rules/usage").expect(200).json().getJsonArray("rules").getValuesAs(
                JsonObject.class).stream().anyMatch(r -> r.getString("rule").startsWith("log_")));
    }
}
