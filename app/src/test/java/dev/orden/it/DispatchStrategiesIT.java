package dev.orden.it;

import static dev.orden.it.Dispatching.agents;
import static dev.orden.it.Dispatching.dispatch;
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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each built-in strategy through {@code POST /workorders/{ref}/dispatch} on acme's seeded teams (Madrid repair: Alba,
 * Carlos and Marta; Barcelona: Jordi; installers: Alba and Jordi), and members' availability.
 */
class DispatchStrategiesIT {

    static Api dispatcher;
    static Api agent;
    static String marta;
    static String carlos;

    @BeforeAll
    static void people() {
        dispatcher = Api.as(It.ACME_DISPATCHER);
        agent = Api.as(It.ACME_AGENT);
        marta = idOf(dispatcher, "marta.norte@acme.test");
        carlos = idOf(dispatcher, "carlos.centro@acme.test");
    }

    @AfterEach
    void everyoneBack() {
        for (var id : List.of(marta, carlos, agent.id())) setAvailability(dispatcher, id, "active").expect(200);
    }

    /** A repair in Madrid already given to the Madrid team, so no rule assigns it at creation. */
    private static JsonObject madridRepair(String area, Double lat, Double lon) {
        var visit = Json.createObjectBuilder().add("address", "Paseo de la Castellana 200, Madrid");
        if (lat != null) visit.add("lat", lat).add("lon", lon);
        var order = create(dispatcher, order(It.unique("repair")).add("type", "repair").add("area", area)
                .add("team", "madrid_repair").add("customFields", Json.createObjectBuilder().add("appliance", "washer")
                        .add("visitAddress", visit)));
        assertTrue(WorkOrders.absent(order, "assignee"), order.toString());
        return order;
    }

    private static JsonObject dispatched(String ref, String strategy, String team) {
        var order = dispatch(dispatcher, ref, strategy, team).expect(200).json();
        assertEquals("ASSIGNED", order.getString("status"), "the workflow's assignment trigger moved it on");
        return order;
    }

    @Test
    void leastLoadedPicksTheLightestAndTheLoadFollowsItsChoices() {
        for (int i = 0; i < 3; i++) {
            var pool = agents(dispatcher, "madrid_repair");
            var expected = Dispatching.lightest(pool, Dispatching.ACME_WEIGHTS);
            // Other suites give this team work too: how many are available is read, not assumed.
            var available = pool.stream().filter(a -> a.getBoolean("available")).count();
            var ref = madridRepair("madrid_centro", null, null).getString("id");
            var order = dispatched(ref, "least-loaded", null);
            assertEquals(expected.getString("id"), order.getJsonObject("assignee").getString("id"), "round " + i);
            var assigned = entry(history(dispatcher, ref), "ASSIGNED", "assignee");
            assertEquals(dispatcher.id(), assigned.getJsonObject("actor").getString("id"), "the dispatcher asked");
            var open = expected.getInt("openOrders");
            assertEquals("assigned by strategy least-loaded: " + open + (open == 1 ? " open order" : " open orders")
                    + ", weighted load " + Dispatching.load(expected, Dispatching.ACME_WEIGHTS) + " (lightest of " + available + " available)",
                    assigned.getString("comment"));
        }
    }

    @Test
    void roundRobinTakesTurnsInEmailOrderAndKeepsTheTurnInTheDatabase() {
        var ring = List.of("agent@acme.test", "carlos.centro@acme.test", "marta.norte@acme.test");
        var chosen = new ArrayList<String>();
        for (int i = 0; i < 4; i++) {
            // Other suites give these agents work too: one at capacity is passed over, so who is available is read.
            var pool = agents(dispatcher, "madrid_repair");
            var available = ring.stream().filter(email -> pool.stream().anyMatch(a -> a.getString("email")
                    .equals(email) && a.getBoolean("available"))).toList();
            assertTrue(available.size() >= 2, "two of the ring available at least: " + pool);
            var ref = madridRepair("madrid_norte", null, null).getString("id");
            var assignee = dispatched(ref, "round-robin", null).getJsonObject("assignee").getString("id");
            var email = pool.stream().filter(a -> a.getString("id").equals(assignee)).findFirst().orElseThrow()
                    .getString("email");
            if (!chosen.isEmpty()) {
                assertEquals(nextAvailable(ring, chosen.getLast(), available), email, chosen.toString());
            }
            chosen.add(email);
        }
        var acme = Db.tenantIds().get("acme");
        assertEquals(1, Db.countAs(acme, "SELECT count(*) FROM assignment_state WHERE strategy = 'round-robin'"
                + " AND scope = 'madrid_repair' AND value = ?", chosen.getLast()), "the last turn is in the database");

        setAvailability(dispatcher, carlos, "away").expect(200);
        var next = ring.get((ring.indexOf(chosen.getLast()) + 1) % 3);
        var ref = madridRepair("madrid_norte", null, null).getString("id");
        var order = dispatched(ref, "round-robin", null);
        var skipped = next.equals("carlos.centro@acme.test");
        assertFalse(order.getJsonObject("assignee").getString("id").equals(carlos), "Carlos is away");
        if (skipped) {
            assertTrue(entry(history(dispatcher, ref), "ASSIGNED", "assignee").getString("comment")
                    .endsWith("passing over Carlos Centro is away"));
        }
    }

    /** The first of {@code available} after {@code previous} in the ring's (e-mail) order. */
    private static String nextAvailable(List<String> ring, String previous, List<String> available) {
        for (int step = 1; step <= ring.size(); step++) {
            var candidate = ring.get((ring.indexOf(previous) + step) % ring.size());
            if (available.contains(candidate)) return candidate;
        }
        throw new AssertionError("no one of " + ring + " available");
    }

    @Test
    void skillsFindTheOneAgentWhoCanRepairAnOven() {
        var oven = create(dispatcher, order(It.unique("horno")).add("type", "repair").add("customFields",
                Json.createObjectBuilder().add("appliance", "oven").add("visitAddress",
                        Json.createObjectBuilder().add("address", "Polígono 7, nave 3"))));
        assertTrue(WorkOrders.absent(oven, "team"), "no rule routes an address without a city");
        var ref = oven.getString("id");
        var problem = dispatch(dispatcher, ref, "skills", "madrid_repair").problem(409, "conflict");
        assertEquals("strategy skills chose no one: no agent has the skills oven", problem.getString("detail"));

        var order = dispatched(ref, "skills", null);
        assertEquals(idOf(dispatcher, "jordi.bcn@acme.test"), order.getJsonObject("assignee").getString("id"));
        assertTrue(WorkOrders.absent(order, "team"), "every team's members were candidates; the order keeps no team");
        assertTrue(entry(history(dispatcher, ref), "ASSIGNED", "assignee").getString("comment")
                .startsWith("assigned by strategy skills: has the skills oven; "));
    }

    @Test
    void territoryTakesTheNearestAgentCoveringTheAreaAndPassesOverAbsentOnes() {
        var bernabeu = madridRepair("madrid_norte", 40.4531, -3.6883).getString("id");
        var order = dispatched(bernabeu, "territory", null);
        assertEquals(marta, order.getJsonObject("assignee").getString("id"));
        assertEquals("assigned by strategy territory: covers area madrid_norte; 2.2 km away",
                entry(history(dispatcher, bernabeu), "ASSIGNED", "assignee").getString("comment"));

        setAvailability(dispatcher, marta, "away").expect(200);
        var second = madridRepair("madrid_norte", 40.4531, -3.6883).getString("id");
        assertEquals(carlos, dispatched(second, "territory", null).getJsonObject("assignee").getString("id"),
                "Carlos's team covers all of Madrid and he lives nearer than Alba");
        assertTrue(entry(history(dispatcher, second), "ASSIGNED", "assignee").getString("comment")
                .startsWith("assigned by strategy territory: covers area madrid; 4."));
    }

    @Test
    void withNoStrategyNamedTheTenantsDefaultDecidesAndNoOneAvailableIsAConflict() {
        for (var id : List.of(marta, carlos, agent.id())) setAvailability(dispatcher, id, "away").expect(200);
        var ref = madridRepair("madrid_centro", null, null).getString("id");
        var problem = dispatch(dispatcher, ref, null, null).problem(409, "conflict");
        assertEquals("strategy least-loaded chose no one: Alba Agente is away, Carlos Centro is away, Marta Norte is away",
                problem.getString("detail"));
        var queue = WorkOrders.listAll(dispatcher, "assignee=none&category=new&team=madrid_repair").stream()
                .map(o -> o.getString("id")).toList();
        assertTrue(queue.contains(ref), "it waits in the dispatcher's queue");

        setAvailability(dispatcher, carlos, "active").expect(200);
        assertEquals(carlos, dispatch(dispatcher, ref, null, null).expect(200).json().getJsonObject("assignee")
                .getString("id"));
    }

    @Test
    void dispatchIsForDispatchersAndNamesOnlyTheTenantsStrategiesAndTeams() {
        var ref = madridRepair("madrid_centro", null, null).getString("id");
        dispatch(agent, ref, "least-loaded", null).problem(403, "forbidden");
        assertEquals(java.util.Set.of("strategy"), dispatch(dispatcher, ref, "nearest-first", null).invalidFields());
        assertEquals(java.util.Set.of("strategy"), dispatch(dispatcher, ref, "Least Loaded", null).invalidFields());
        assertEquals(java.util.Set.of("team"), dispatch(dispatcher, ref, "least-loaded", "sevilla").invalidFields());
        dispatch(Api.as(It.GLOBEX_DISPATCHER), ref, "round-robin", null).problem(404, "not-found");
    }

    @Test
    void membersSetTheirOwnAvailabilityAndDispatchersAnyones() {
        var away = agent.send("PUT", "/members/me/availability", Api.JSON,
                "{\"availability\": \"away\", \"until\": \"2099-01-01T08:00:00Z\"}", java.util.Map.of()).expect(200).json();
        assertEquals("away", away.getString("availability"));
        assertEquals("2099-01-01T08:00:00Z", away.getString("until"));
        assertEquals(agent.id(), away.getString("updatedBy"));
        assertEquals("away", dispatcher.get("/members/" + agent.id() + "/availability").expect(200).json()
                .getString("availability"));
        assertFalse(Dispatching.agent(dispatcher, "madrid_repair", "agent@acme.test").getBoolean("available"));

        setAvailability(agent, marta, "away").problem(403, "forbidden");
        setAvailability(Api.as(It.ACME_REQUESTER), agent.id(), "active").problem(403, "forbidden");
        assertEquals(java.util.Set.of("availability"), setAvailability(dispatcher, marta, "gone").invalidFields());
        assertEquals(java.util.Set.of("until"), agent.send("PUT", "/members/me/availability", Api.JSON,
                "{\"availability\": \"away\", \"until\": \"2001-01-01T00:00:00Z\"}", java.util.Map.of()).invalidFields());
        assertEquals(java.util.Set.of("until"), agent.send("PUT", "/members/me/availability", Api.JSON,
                "{\"availability\": \"active\", \"until\": \"2099-01-01T00:00:00Z\"}", java.util.Map.of()).invalidFields());
        setAvailability(dispatcher, java.util.UUID.randomUUID().toString(), "away").problem(404, "not-found");
        setAvailability(Api.as(It.GLOBEX_DISPATCHER), marta, "away").problem(404, "not-found");
    }
}
