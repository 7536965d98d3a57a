package dev.orden.it;

import static dev.orden.it.WorkOrders.comments;
import static dev.orden.it.WorkOrders.create;
import static dev.orden.it.WorkOrders.get;
import static dev.orden.it.WorkOrders.history;
import static dev.orden.it.WorkOrders.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Flow rules on real work-order events: the demo tenants' rules (acme routes by city and flags leaks, globex
 * escalates safety hazards) and rules this class publishes for globex (rolled back afterwards): rejection of a
 * transition, a failing rule that is skipped, a runaway rule stopped, a shadow rule, a refused effect, set fields.
 */
class WorkOrderRulesIT {

    static Api acmeDispatcher;
    static Api acmeRequester;
    static Api globexAdmin;
    static Api globexDispatcher;
    static Api globexRequester;
    static int globexVersionBefore;

    @BeforeAll
    static void publishTestRules() {
        acmeDispatcher = Api.as(It.ACME_DISPATCHER);
        acmeRequester = Api.as(It.ACME_REQUESTER);
        globexAdmin = Api.as(It.GLOBEX_ADMIN);
        globexDispatcher = Api.as(It.GLOBEX_DISPATCHER);
        globexRequester = Api.as(It.GLOBEX_REQUESTER);
        var active = Configs.active(globexAdmin);
        globexVersionBefore = active.getInt("version");
        var bundle = active.getJsonObject("bundle");
        var rules = Json.createArrayBuilder(bundle.getJsonArray("rules"));
        rule(rules, "audit_freeze", "workorder.transitioning", "skip", "active", """
                function rule(input) {
                  if (input.change.to === 'CANCELLED' && keywords.any(input.order.title, ['audited'])) {
                    return [{type: 'reject', message: 'Audited orders cannot be cancelled during the audit'}];
                  }
                  return [];
                }""");
        rule(rules, "broken", "workorder.created", "skip", "active", """
                function rule(input) {
                  if (!keywords.any(input.order.title, ['broken-rule'])) return [];
                  return input.order.customFields.nothing.deeper;
                }""");
        rule(rules, "runaway", "workorder.created", "skip", "active", """
                function rule(input) {
                  if (!keywords.any(input.order.title, ['runaway'])) return [];
                  while (true) {}
                }""");
        rule(rules, "strict", "workorder.created", "reject", "active", """
                function rule(input) {
                  if (keywords.any(input.order.title, ['strict-fail'])) throw new Error('cannot judge this one');
                  return [];
                }""");
        rule(rules, "shadow_router", "workorder.created", "skip", "shadow", """
                function rule(input) {
                  return keywords.any(input.order.title, ['shadowed']) ? [{type: 'assign', team: 'hvac'}] : [];
                }""");
        rule(rules, "asset_tagger", "workorder.created", "skip", "active", """
                function rule(input) {
                  if (!keywords.any(input.order.title, ['tag-me'])) return [];
                  return [{type: 'set', fields: {asset: 'AUTO-' + input.order.number}},
                          {type: 'assign', team: 'no_such_team'},
                          {type: 'notify', to: 'requester', template: 'assigned', channel: 'inapp'}];
                }""");
        Configs.publish(globexAdmin, Json.createObjectBuilder(bundle).add("rules", rules).build());
    }

    @AfterAll
    static void rollBack() {
        if (globexAdmin != null) Configs.rollback(globexAdmin, globexVersionBefore);
    }

    private static void rule(JsonArrayBuilder rules, String key, String event, String onError, String mode,
                             String source) {
        rules.add(Json.createObjectBuilder().add("key", key).add("name", key).add("events",
                Json.createArrayBuilder().add(event)).add("order", 100).add("mode", mode).add("onError", onError)
                .add("source", source));
    }

    private static JsonObject globexIncident(String title) {
        return create(globexRequester, order(title).add("type", "incident").add("customFields", Json.createObjectBuilder()
                .add("site", Json.createObjectBuilder().add("address", "Gran Vía 1, Madrid")).add("system", "hvac")));
    }

    private static List<JsonObject> traces(Api api, String ref) {
        return api.get("/workorders/" + ref + "/rule-traces").expect(200).objects();
    }

    private static JsonObject trace(Api api, String ref, String rule) {
        return traces(api, ref).stream().filter(t -> t.getString("rule").equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError("no trace of " + rule + " on " + ref));
    }

    @Test
    void acmeRoutesANewRepairByTheCityOfItsVisitAddress() {
        var created = create(acmeRequester, order(It.unique("lavadora")).add("type", "repair")
                .add("customFields", Configs.acmeVisit()));
        assertEquals("madrid_repair", created.getString("team"));
        assertEquals(1, created.getInt("version"), "a rule on workorder.creating writes into the first version");
        var ref = created.getString("id");
        var trace = trace(acmeDispatcher, ref, "route_by_city");
        assertEquals("APPLIED", trace.getString("outcome"));
        assertEquals("workorder.creating", trace.getString("event"));
        assertEquals(created.getInt("configVersion"), trace.getInt("configVersion"));
        assertEquals("applied", trace.getJsonArray("effects").getJsonObject(0).getString("status"));
        var teamEntry = history(acmeDispatcher, ref).stream().filter(e -> "team".equals(e.getString("field", null)))
                .findFirst().orElseThrow();
        assertEquals("rule:route_by_city", teamEntry.getJsonObject("actor").getString("id"));
        assertTrue(teamEntry.getJsonObject("actor").getString("name").contains("rule route_by_city v"),
                teamEntry.toString());
        acmeRequester.get("/workorders/" + ref + "/rule-traces").problem(403, "forbidden");
    }

    @Test
    void acmeRaisesALeakAndNotesItInternally() {
        var created = create(acmeRequester, order("Fuga de agua bajo el fregadero " + It.unique("x")));
        assertEquals("HIGH", created.getString("priority"));
        var ref = created.getString("id");
        var staffComments = comments(acmeDispatcher, ref);
        assertEquals(1, staffComments.size());
        assertEquals("INTERNAL", staffComments.getFirst().getString("visibility"));
        assertEquals(List.of(), comments(acmeRequester, ref), "the note is internal");
        assertEquals("APPLIED", trace(acmeDispatcher, ref, "leak_priority").getString("outcome"));
        assertTrue(traces(acmeDispatcher, ref).stream().noneMatch(t -> t.getString("rule").equals("route_by_city")),
                "route_by_city runs only on repairs and installations, never on a general order");
    }

    @Test
    void globexEscalatesASafetyHazardAndTellsTheRequester() {
        var created = globexIncident("Smoke coming from the panel " + It.unique("x"));
        assertEquals("URGENT", created.getString("priority"));
        var visible = comments(globexRequester, created.getString("id"));
        assertEquals(1, visible.size());
        assertTrue(visible.getFirst().getString("body").startsWith("Safety hazard reported"));
    }

    @Test
    void aRejectingRuleTurnsTheTransitionDownAndKeepsItsTrace() {
        var created = create(globexDispatcher, order("Audited " + It.unique("order")));
        var ref = created.getString("id");
        var res = globexDispatcher.post("/workorders/" + ref + "/transitions",
                Json.createObjectBuilder().add("to", "CANCELLED").add("comment", "not needed").build());
        var problem = res.problem(422, "rule-rejected");
        assertEquals("Audited orders cannot be cancelled during the audit", problem.getString("detail"));
        var stored = get(globexDispatcher, ref);
        assertEquals("NEW", stored.getString("status"));
        assertEquals(created.getInt("version"), stored.getInt("version"));
        var tenant = Db.tenantIds().get("globex");
        assertTrue(Db.countAs(tenant, "SELECT count(*) FROM rule_trace WHERE rule_key = 'audit_freeze'"
                + " AND outcome = 'REJECTED' AND work_order_id IS NULL") >= 1, "the rejection is traced apart");
    }

    @Test
    void aFailingRuleIsSkippedRecordedWithItsPlaceAndNotedInTheHistory() {
        var created = globexIncident("broken-rule " + It.unique("x"));
        var ref = created.getString("id");
        var trace = trace(globexDispatcher, ref, "broken");
        assertEquals("ERROR", trace.getString("outcome"));
        var error = trace.getJsonObject("error");
        assertEquals("EXCEPTION", error.getString("kind"));
        assertEquals(3, error.getInt("line"), error.toString());
        var failures = history(globexDispatcher, ref).stream().filter(e -> e.getString("kind").equals("RULE_FAILED"))
                .toList();
        assertEquals(1, failures.size());
        assertEquals("INTERNAL", failures.getFirst().getString("visibility"));
        assertTrue(history(globexRequester, ref).stream().noneMatch(e -> e.getString("kind").equals("RULE_FAILED")));
    }

    @Test
    void aRunawayRuleIsStoppedAndTheOrderIsCreatedAnyway() {
        var started = System.nanoTime();
        var created = globexIncident("runaway " + It.unique("x"));
        var tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMillis < 5_000, "took " + tookMillis + " ms");
        var trace = trace(globexDispatcher, created.getString("id"), "runaway");
        assertTrue(Set.of("TIMEOUT", "STATEMENT_LIMIT").contains(trace.getJsonObject("error").getString("kind")),
                "stopped by whichever limit comes first: " + trace);
        assertTrue(trace.getJsonNumber("durationMicros").longValue() < 1_500_000, trace.toString());
    }

    @Test
    void aRuleWhosePolicyIsRejectTurnsTheChangeDownWhenItFails() {
        var res = globexRequester.post("/workorders", order("strict-fail " + It.unique("x")).add("type", "incident")
                .add("customFields", Json.createObjectBuilder().add("site", Json.createObjectBuilder()
                        .add("address", "Calle 1")).add("system", "hvac")).build());
        var problem = res.problem(422, "rule-rejected");
        assertTrue(problem.getString("detail").contains("cannot judge this one"), problem.toString());
    }

    @Test
    void aShadowRuleIsTracedAsWouldHaveDoneAndChangesNothing() {
        var created = globexIncident("shadowed " + It.unique("x"));
        assertFalse(created.containsKey("team") && "hvac".equals(created.getString("team", null)));
        var trace = trace(globexDispatcher, created.getString("id"), "shadow_router");
        assertEquals("SHADOW", trace.getString("outcome"));
        assertEquals("would_apply", trace.getJsonArray("effects").getJsonObject(0).getString("status"));
        assertFalse(get(globexDispatcher, created.getString("id")).containsKey("team"));
    }

    @Test
    void effectsAreCheckedOneByOneAndARefusedOneSaysWhy() {
        var created = globexIncident("tag-me " + It.unique("x"));
        var ref = created.getString("id");
        var stored = get(globexDispatcher, ref);
        assertEquals("AUTO-" + stored.getString("number"), stored.getJsonObject("customFields").getString("asset"));
        var trace = trace(globexDispatcher, ref, "asset_tagger");
        assertEquals("PARTLY_REFUSED", trace.getString("outcome"));
        var statuses = trace.getJsonArray("effects").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("status")).toList();
        assertEquals(List.of("applied", "refused", "applied"), statuses);
        assertTrue(trace.getJsonArray("effects").getJsonObject(1).getString("reason").contains("no_such_team"));
        Set<String> kinds = history(globexDispatcher, ref).stream().map(e -> e.getString("kind"))
                .collect(Collectors.toSet());
        assertTrue(kinds.contains("RULE_FAILED"), kinds.toString());
    }
}
