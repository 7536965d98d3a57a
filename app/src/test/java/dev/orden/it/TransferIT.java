package dev.orden.it;

import static dev.orden.it.WorkOrders.create;
import static dev.orden.it.WorkOrders.history;
import static dev.orden.it.WorkOrders.order;
import static dev.orden.it.WorkOrders.personId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Transfers to another team and/or area on acme's seeded teams (madrid_repair: agent, carlos, marta; bcn_repair:
 * jordi; installers: agent, jordi; customer_care: dispatcher) and assignment rules (barcelona and valencia orders
 * to bcn_repair by least-loaded): one step in the history, the assignee kept only within the new team, the queue or
 * the tenant's rule otherwise, the new team told, live events, who may.
 */
class TransferIT {

    static final Api dispatcher = Api.as(It.ACME_DISPATCHER);
    static final Api agent = Api.as(It.ACME_AGENT);
    static final Api requester = Api.as(It.ACME_REQUESTER);
    static final Api jordi = Api.as("jordi.bcn@acme.test");

    /** An order of the requester's, given to the agent in madrid_repair (ASSIGNED). */
    private static String assignedToAgent(String title) {
        var order = create(dispatcher, order(It.unique(title)).add("requesterId", requester.id())
                .add("assignee", agent.id()).add("team", "madrid_repair"));
        assertEquals("ASSIGNED", order.getString("status"), order.toString());
        return order.getString("id");
    }

    private static Res transfer(Api api, String ref, JsonObjectBuilder body) {
        return api.post("/workorders/" + ref + "/transfer", body.build());
    }

    private static List<JsonObject> transferred(String ref) {
        return history(dispatcher, ref).stream().filter(e -> e.getString("kind").equals("TRANSFERRED")).toList();
    }

    @Test
    void anAssigneeWhoIsAMemberOfTheNewTeamKeepsTheOrderAndTheTeamIsTold() {
        jordi.me();
        var ref = assignedToAgent("to installers");
        var order = transfer(dispatcher, ref, Json.createObjectBuilder().add("team", "installers")
                .add("reason", "needs an installer")).expect(200).json();
        assertEquals("installers", order.getString("team"));
        assertEquals(agent.id(), personId(order, "assignee"), "the agent is an installer too");
        assertEquals("ASSIGNED", order.getString("status"));

        var steps = transferred(ref);
        assertEquals(1, steps.size(), steps.toString());
        var step = steps.getFirst();
        assertEquals("team", step.getString("field"));
        assertEquals("madrid_repair", step.getString("from"));
        assertEquals("installers", step.getString("to"));
        assertEquals("needs an installer", step.getString("comment"));
        assertEquals(dispatcher.id(), step.getJsonObject("actor").getString("id"));

        assertEquals(1, notifications(jordi, ref).size(), "the new team's member is told");
        assertEquals("transferred", notifications(jordi, ref).getFirst().getString("kind"));
        assertTrue(notifications(dispatcher, ref).isEmpty(), "not the one who transferred it");
    }

    @Test
    void anAssigneeOutsideTheNewTeamLosesItAndItGoesBackToTheTeamQueue() {
        var ref = assignedToAgent("to care");
        var order = transfer(agent, ref, Json.createObjectBuilder().add("team", "customer_care")
                .add("reason", "a complaint, not a repair")).expect(200).json();
        assertEquals("customer_care", order.getString("team"));
        assertNull(personId(order, "assignee"));
        assertEquals("NEW", order.getString("status"), "no longer ASSIGNED: it waits in the queue");

        var steps = transferred(ref);
        assertEquals(List.of("team", "assignee"), steps.stream().map(e -> e.getString("field")).toList());
        assertTrue(steps.stream().allMatch(e -> e.getString("comment").equals("a complaint, not a repair")
                && e.getJsonObject("actor").getString("id").equals(agent.id())), steps.toString());
        var queue = WorkOrders.listAll(dispatcher, "team=customer_care&assignee=none&category=new");
        assertTrue(queue.stream().anyMatch(o -> o.getString("id").equals(ref)), "in the team's queue");
        assertEquals(1, notifications(dispatcher, ref).size(), "customer care's member is told");
    }

    @Test
    void theTenantsAssignmentRuleForTheNewTeamPicksWithinIt() {
        var jordiId = jordi.id();
        var ref = assignedToAgent("to barcelona");
        var order = transfer(dispatcher, ref, Json.createObjectBuilder().add("team", "bcn_repair")
                .add("area", "barcelona").add("reason", "the customer moved")).expect(200).json();
        assertEquals("bcn_repair", order.getString("team"));
        assertEquals("barcelona", order.getString("area"));
        assertEquals(jordiId, personId(order, "assignee"), "least-loaded among bcn_repair: " + order);
        assertEquals(List.of("team", "area", "assignee"), transferred(ref).stream().map(e -> e.getString("field")).toList());
        var picked = history(dispatcher, ref).stream().filter(e -> e.getString("kind").equals("ASSIGNED")
                && e.getString("field").equals("assignee")).toList().getLast();
        assertTrue(picked.getJsonObject("actor").getString("id").startsWith("assignment-rule:east"), picked.toString());
    }

    @Test
    void anAreaAloneKeepsTheTeamAndTheAssignee() {
        var ref = assignedToAgent("area only");
        var order = transfer(dispatcher, ref, Json.createObjectBuilder().add("area", "madrid_norte")
                .add("reason", "north of the river")).expect(200).json();
        assertEquals("madrid_norte", order.getString("area"));
        assertEquals("madrid_repair", order.getString("team"));
        assertEquals(agent.id(), personId(order, "assignee"));
        assertEquals(List.of("area"), transferred(ref).stream().map(e -> e.getString("field")).toList());
    }

    @Test
    void theReasonIsRequiredAndTheTargetMustExist() {
        var ref = assignedToAgent("bad transfer");
        assertEquals(Set.of("reason"), transfer(dispatcher, ref, Json.createObjectBuilder().add("team", "installers"))
                .invalidFields());
        assertEquals(Set.of("reason"), transfer(dispatcher, ref, Json.createObjectBuilder().add("team", "installers")
                .add("reason", "  ")).invalidFields());
        assertEquals(Set.of("team", "area"), transfer(dispatcher, ref, Json.createObjectBuilder().add("reason", "x"))
                .invalidFields());
        assertEquals(Set.of("team"), transfer(dispatcher, ref, Json.createObjectBuilder().add("team", "nobody")
                .add("reason", "x")).invalidFields());
        assertEquals(Set.of("area"), transfer(dispatcher, ref, Json.createObjectBuilder().add("area", "atlantis")
                .add("reason", "x")).invalidFields());
        assertEquals(Set.of("team"), transfer(dispatcher, ref, Json.createObjectBuilder().add("team", "madrid_repair")
                .add("reason", "x")).invalidFields(), "already there");
        assertTrue(transferred(ref).isEmpty(), "nothing was recorded");
    }

    @Test
    void requestersMayNotAndAnotherTenantsOrderDoesNotExist() {
        var ref = assignedToAgent("who may");
        var body = Json.createObjectBuilder().add("team", "installers").add("reason", "please");
        transfer(requester, ref, body).problem(403, "forbidden");
        transfer(Api.as(It.GLOBEX_DISPATCHER), ref, body).problem(404, "not-found");
        transfer(dispatcher, ref, body.add("version", 0)).problem(409, "stale-version");
    }

    @Test
    void aTransferIsALiveChange() {
        var ref = assignedToAgent("live transfer");
        try (var events = EventStream.open(It.BASE_URL, It.ACME_ADMIN, Tokens.passwordGrant(It.ACME_ADMIN, It.DEMO_PASSWORD))) {
            transfer(dispatcher, ref, Json.createObjectBuilder().add("team", "installers").add("reason", "live"))
                    .expect(200);
            var changed = events.about(ref, "workorder.changed").json().getJsonArray("changed")
                    .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
            assertTrue(changed.contains("team"), changed.toString());
        }
    }

    /** A tenant of its own whose flow rule transfers every new order: the effect takes the endpoint's path. */
    @Test
    void aFlowRulesTransferEffectTakesTheSamePath() {
        var slug = It.unique("xfer");
        var email = slug + "-admin@xfer.test";
        Api.anonymous(Http.fromLoopback(It.randomBetween(2, 249), It.randomBetween(1, 254)))
                .post("/signup", Json.createObjectBuilder().add("company", "Transfer " + slug).add("slug", slug)
                        .add("adminEmail", email).add("adminName", "Tess Fer").add("password", "xfer-pass-123").build())
                .expect(201);
        try {
            var admin = Api.as(email, "xfer-pass-123");
            var bundle = Configs.active(admin).getJsonObject("bundle");
            var teams = Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("key", "desk").add("name", Json.createObjectBuilder().add("es", "Mesa")
                            .add("en", "Desk")).add("members", Json.createArrayBuilder().add(email)))
                    .add(Json.createObjectBuilder().add("key", "field").add("name", Json.createObjectBuilder().add("es", "Campo")
                            .add("en", "Field")));
            var rules = Json.createArrayBuilder()
                    .add(rule("to_field", "return [{type: 'transfer', team: 'field', reason: 'field work'}];"))
                    .add(rule("no_reason", "return [{type: 'transfer', team: 'desk'}];"));
            Configs.publish(admin, Json.createObjectBuilder(bundle).add("teams", teams).add("rules", rules).build());

            var order = create(admin, order("rule transfer").add("assignee", admin.id()).add("team", "desk"));
            assertEquals("field", order.getString("team"));
            assertNull(personId(order, "assignee"), "the admin is no member of field");
            var steps = history(admin, order.getString("id")).stream()
                    .filter(e -> e.getString("kind").equals("TRANSFERRED")).toList();
            assertEquals(List.of("team", "assignee"), steps.stream().map(e -> e.getString("field")).toList());
            assertTrue(steps.stream().allMatch(e -> e.getString("comment").equals("field work")
                    && e.getJsonObject("actor").getString("id").equals("rule:to_field")), steps.toString());
            assertTrue(history(admin, order.getString("id")).stream().anyMatch(e -> e.getString("kind").equals("RULE_FAILED")
                    && e.getString("comment", "").contains("reason")), "the effect without a reason is refused");
        } finally {
            KcAdmin.findUserIdByEmail(email).ifPresent(id -> KcAdmin.deleteQuietly(() -> KcAdmin.deleteUser(id)));
            KcAdmin.findOrganizationId(slug).ifPresent(id -> KcAdmin.deleteQuietly(() -> KcAdmin.deleteOrganization(id)));
        }
    }

    private static JsonObject rule(String key, String body) {
        return Json.createObjectBuilder().add("key", key).add("name", key)
                .add("events", Json.createArrayBuilder().add("workorder.created"))
                .add("source", "function rule(input) { " + body + " }").build();
    }

    private static List<JsonObject> notifications(Api api, String ref) {
        return api.get("/notifications?limit=100").expect(200).json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream()
                .filter(n -> ref.equals(n.getString("workOrderId", null))).toList();
    }
}
