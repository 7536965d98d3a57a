package dev.orden.it;

import static dev.orden.it.Dispatching.agents;
import static dev.orden.it.Dispatching.entry;
import static dev.orden.it.Dispatching.idOf;
import static dev.orden.it.Dispatching.setAvailability;
import static dev.orden.it.WorkOrders.create;
import static dev.orden.it.WorkOrders.history;
import static dev.orden.it.WorkOrders.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Automatic assignment when an order is created: the demo tenants' assignment rules (acme routes Madrid and the east
 * by area, least-loaded inside; globex sends electrical incidents to its electricians), rules this class publishes
 * for acme (a person, an absent person, a full agent; rolled back afterwards), a flow rule's {@code assign} effect
 * with a strategy, and what the configuration refuses.
 */
class AssignmentRulesIT {

    static Api acmeAdmin;
    static Api acmeDispatcher;
    static Api acmeRequester;
    static int acmeVersionBefore;
    static String vipKeyword;

    @BeforeAll
    static void publishTestRules() {
        acmeAdmin = Api.as(It.ACME_ADMIN);
        acmeDispatcher = Api.as(It.ACME_DISPATCHER);
        acmeRequester = Api.as(It.ACME_REQUESTER);
        var active = Configs.active(acmeAdmin);
        acmeVersionBefore = active.getInt("version");
        vipKeyword = It.unique("vip");
        var bundle = active.getJsonObject("bundle");
        var assignment = bundle.getJsonObject("assignment");
        var rules = Json.createArrayBuilder().add(Json.createObjectBuilder().add("key", "vip")
                .add("name", "VIP customers to Diego")
                .add("when", Json.createObjectBuilder().add("keywords", Json.createArrayBuilder().add(vipKeyword)))
                .add("then", Json.createObjectBuilder().add("team", "customer_care").add("assignee",
                        "dispatcher@acme.test")));
        assignment.getJsonArray("rules").forEach(rules::add);
        var agents = Json.createArrayBuilder();
        assignment.getJsonArray("agents").getValuesAs(JsonObject.class).forEach(a -> agents.add(
                a.getString("email").equals("carlos.centro@acme.test")
                        ? Json.createObjectBuilder(a).add("capacity", 0).build() : a));
        var changed = Json.createObjectBuilder(assignment).add("rules", rules).add("agents", agents).build();
        Configs.publish(acmeAdmin, Json.createObjectBuilder(bundle).add("assignment", changed).build());
    }

    @AfterAll
    static void rollBack() {
        if (acmeAdmin == null) return;
        Configs.rollback(acmeAdmin, acmeVersionBefore);
        setAvailability(acmeDispatcher, acmeDispatcher.id(), "active").expect(200);
    }

    private static JsonObject madridRepair(Api api, String area) {
        return create(api, order(It.unique("lavadora")).add("type", "repair").add("area", area)
                .add("customFields", Configs.acmeVisit()));
    }

    @Test
    void aNewMadridOrderGoesToTheMadridTeamsLightestAvailableAgent() {
        var before = agents(acmeDispatcher, "madrid_repair");
        var carlos = before.stream().filter(a -> a.getString("email").equals("carlos.centro@acme.test")).findFirst()
                .orElseThrow();
        assertFalse(carlos.getBoolean("available"), "capacity 0: full");
        assertEquals(0, carlos.getInt("capacity"));
        var expected = Dispatching.lightest(before, Dispatching.ACME_WEIGHTS);

        var created = madridRepair(acmeRequester, "madrid_norte");
        assertEquals("madrid_repair", created.getString("team"));
        assertEquals(expected.getString("id"), created.getJsonObject("assignee").getString("id"));
        assertEquals("ASSIGNED", created.getString("status"));
        assertEquals(1, created.getInt("version"), "decided before the order was first written");

        var history = history(acmeDispatcher, created.getString("id"));
        var team = entry(history, "ASSIGNED", "team");
        var assignee = entry(history, "ASSIGNED", "assignee");
        for (var e : List.of(team, assignee)) {
            assertEquals("assignment-rule:madrid", e.getJsonObject("actor").getString("id"));
            assertEquals("assignment rule Madrid orders to the Madrid repair team",
                    e.getJsonObject("actor").getString("name"));
            assertTrue(e.getString("comment").startsWith(
                    "Madrid orders to the Madrid repair team; assigned by strategy least-loaded: "), e.toString());
        }
        assertEquals("madrid_repair", team.getString("to"));
        assertEquals("ASSIGNED", entry(history, "STATUS_CHANGED", "status").getString("to"));
        assertTrue(history(acmeRequester, created.getString("id")).stream()
                .anyMatch(e -> "assignee".equals(e.getString("field", null))), "the requester sees who has it");
    }

    @Test
    void anOrderSomeoneAssignedAtCreationIsLeftAsTheyDidIt() {
        var created = create(acmeDispatcher, order(It.unique("lavadora")).add("type", "repair")
                .add("area", "barcelona").add("team", "installers").add("customFields", Configs.acmeVisit()));
        assertEquals("installers", created.getString("team"));
        assertTrue(WorkOrders.absent(created, "assignee"));
        assertTrue(history(acmeDispatcher, created.getString("id")).stream()
                .noneMatch(e -> e.getJsonObject("actor").getString("id").startsWith("assignment-rule:")));
    }

    @Test
    void aRuleMayOnlyNameATeam() {
        var created = create(acmeRequester, order(It.unique("queja")).add("type", "complaint")
                .add("customFields", Json.createObjectBuilder().add("complaintReason", "delay")));
        assertEquals("customer_care", created.getString("team"));
        assertTrue(WorkOrders.absent(created, "assignee"));
        var team = entry(history(acmeDispatcher, created.getString("id")), "ASSIGNED", "team");
        assertEquals("assignment-rule:complaints", team.getJsonObject("actor").getString("id"));
        assertEquals("Complaints to customer care", team.getString("comment"));
    }

    @Test
    void aRuleNamingAPersonGivesThemTheOrderUnlessTheyAreAwayThenItWaitsInTheQueue() {
        var created = create(acmeRequester, order("Cliente " + vipKeyword + " con la nevera rota"));
        assertEquals(acmeDispatcher.id(), created.getJsonObject("assignee").getString("id"));
        assertEquals("customer_care", created.getString("team"));
        assertEquals("VIP customers to Diego", entry(history(acmeDispatcher, created.getString("id")), "ASSIGNED",
                "assignee").getString("comment"));

        setAvailability(acmeDispatcher, acmeDispatcher.id(), "away").expect(200);
        var waiting = create(acmeRequester, order("Otro cliente " + vipKeyword));
        assertTrue(WorkOrders.absent(waiting, "assignee"));
        assertEquals("customer_care", waiting.getString("team"));
        assertEquals("NEW", waiting.getString("status"));
        var note = entry(history(acmeDispatcher, waiting.getString("id")), "NOT_ASSIGNED", "assignee");
        assertEquals("INTERNAL", note.getString("visibility"));
        assertEquals("VIP customers to Diego: Diego Despacho is away", note.getString("comment"));
        assertTrue(history(acmeRequester, waiting.getString("id")).stream()
                .noneMatch(e -> e.getString("kind").equals("NOT_ASSIGNED")), "internal");
        var queue = WorkOrders.listAll(acmeDispatcher, "assignee=none&category=new&team=customer_care").stream()
                .map(o -> o.getString("id")).toList();
        assertTrue(queue.contains(waiting.getString("id")));
    }

    @Test
    void globexSendsAnElectricalIncidentToItsElectrician() {
        var dispatcher = Api.as(It.GLOBEX_DISPATCHER);
        var created = create(Api.as(It.GLOBEX_REQUESTER), order(It.unique("panel")).add("type", "incident")
                .add("customFields", Json.createObjectBuilder().add("system", "electrical")
                        .add("site", Json.createObjectBuilder().add("address", "Building A"))));
        assertEquals("electrical", created.getString("team"));
        assertEquals(idOf(dispatcher, "eli.electric@globex.test"), created.getJsonObject("assignee").getString("id"));
        assertTrue(entry(history(dispatcher, created.getString("id")), "ASSIGNED", "assignee").getString("comment")
                .startsWith("Electrical incidents to the electricians; assigned by strategy least-loaded: "));
    }

    @Test
    void aFlowRuleAssignsWithAStrategyAndIsRefusedOneTheTenantDidNotEnable() {
        var admin = Api.as(It.GLOBEX_ADMIN);
        var dispatcher = Api.as(It.GLOBEX_DISPATCHER);
        var active = Configs.active(admin);
        var bundle = active.getJsonObject("bundle");
        var rules = Json.createArrayBuilder(bundle.getJsonArray("rules")).add(Json.createObjectBuilder()
                .add("key", "rotate").add("name", "rotate").add("events", Json.createArrayBuilder().add("workorder.created"))
                .add("order", 100).add("mode", "active").add("onError", "skip").add("source", """
                        function rule(input) {
                          if (keywords.any(input.order.title, ['rotate-me'])) {
                            return [{type: 'assign', strategy: 'round-robin', team: 'hvac', reason: 'HVAC rota'}];
                          }
                          if (keywords.any(input.order.title, ['skill-me'])) return [{type: 'assign', strategy: 'skills'}];
                          return [];
                        }"""));
        Configs.publish(admin, Json.createObjectBuilder(bundle).add("rules", rules).build());
        try {
            var requester = Api.as(It.GLOBEX_REQUESTER);
            var rotated = create(requester, order("rotate-me " + It.unique("x")));
            var hvac = List.of(idOf(dispatcher, "agent@globex.test"), idOf(dispatcher, "hank.hvac@globex.test"));
            var ref = rotated.getString("id");
            var stored = WorkOrders.get(dispatcher, ref);
            assertTrue(hvac.contains(stored.getJsonObject("assignee").getString("id")), stored.toString());
            assertEquals("hvac", stored.getString("team"));
            var assigned = entry(history(dispatcher, ref), "ASSIGNED", "assignee");
            assertEquals("rule:rotate", assigned.getJsonObject("actor").getString("id"));
            assertTrue(assigned.getString("comment").startsWith("HVAC rota; assigned by strategy round-robin: next in turn"),
                    assigned.toString());

            var refused = create(requester, order("skill-me " + It.unique("x")));
            var trace = dispatcher.get("/workorders/" + refused.getString("id") + "/rule-traces").expect(200).objects()
                    .stream().filter(t -> t.getString("rule").equals("rotate")).findFirst().orElseThrow();
            assertEquals("PARTLY_REFUSED", trace.getString("outcome"));
            var effect = trace.getJsonArray("effects").getJsonObject(0);
            assertEquals("refused", effect.getString("status"));
            assertEquals("strategy 'skills' is not enabled for this tenant (enabled: round-robin, least-loaded, territory)",
                    effect.getString("reason"));
        } finally {
            Configs.rollback(admin, active.getInt("version"));
        }
    }

    @Test
    void theConfigurationRefusesStrategiesTheServerLacksAndSettingsTheyRefuse() {
        var bundle = Configs.active(acmeAdmin).getJsonObject("bundle");
        var assignment = bundle.getJsonObject("assignment");
        var strategies = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("key", "least-loaded").add("settings", Json.createObjectBuilder()
                        .add("weights", Json.createObjectBuilder().add("CRITICAL", 9))))
                .add(Json.createObjectBuilder().add("key", "telepathy"));
        var broken = Json.createObjectBuilder(bundle).add("assignment", Json.createObjectBuilder(assignment)
                .add("strategies", strategies).add("rules", JsonValue.EMPTY_JSON_ARRAY)).build();
        var draft = acmeAdmin.send("PUT", "/admin/config/draft", Api.JSON, broken.toString(), Map.of()).expect(200).json();
        assertFalse(draft.getBoolean("valid"));
        var errors = draft.getJsonArray("errors").getValuesAs(JsonObject.class);
        assertEquals(List.of("/strategies/0/settings", "/strategies/1/key"), errors.stream()
                .filter(e -> "assignment.json".equals(e.getString("file", null))).map(e -> e.getString("pointer")).toList(),
                errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.getString("message").startsWith(
                "strategy 'telepathy' is not installed on this server (installed: least-loaded, round-robin, skills, territory")));
        assertEquals("https://orden.dev/schema/config/assignment.schema.json",
                Api.anonymous().get("/config/schema/assignment").expect(200).json().getString("$id"));
    }
}
