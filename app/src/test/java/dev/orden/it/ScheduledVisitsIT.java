package dev.orden.it;

import static dev.orden.it.WorkOrders.history;
import static dev.orden.it.WorkOrders.listAll;
import static dev.orden.it.WorkOrders.move;
import static dev.orden.it.WorkOrders.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Planned visits on acme's orders (Europe/Madrid): set and moved by PATCH or with the dispatch endpoint, checked
 * per field, one SCHEDULED history entry per change, the list's day filter; and the workload report's numbers on
 * orders of an area of the test's own, so that no other test's orders count.
 */
class ScheduledVisitsIT {

    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    static final Api dispatcher = Api.as(It.ACME_DISPATCHER);
    static final Api agent = Api.as(It.ACME_AGENT);
    static final Api requester = Api.as(It.ACME_REQUESTER);
    static final Api jordi = Api.as("jordi.bcn@acme.test");

    /** Every order the class makes, cancelled afterwards: open orders would weigh on the agents' load elsewhere. */
    static final List<String> made = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static JsonObject create(Api api, jakarta.json.JsonObjectBuilder body) {
        var order = WorkOrders.create(api, body);
        made.add(order.getString("id"));
        return order;
    }

    @org.junit.jupiter.api.AfterAll
    static void cancelWhatIsStillOpen() {
        for (var id : made) {
            var category = WorkOrders.get(dispatcher, id).getString("statusCategory");
            if (List.of("new", "open", "pending").contains(category)) WorkOrders.move(dispatcher, id, "CANCELLED");
        }
    }

    private static String at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(MADRID).toOffsetDateTime().toString();
    }

    private static Instant instant(String text) {
        return java.time.OffsetDateTime.parse(text).toInstant();
    }

    private static JsonObject assigned(String area, Api to) {
        return create(dispatcher, order(It.unique("visit")).add("area", area).add("assignee", to.id()));
    }

    private static Res plan(Api api, JsonObject order, JsonObjectBuilder visit) {
        return api.patch("/workorders/" + order.getString("id"), visit.build(), order.getInt("version"));
    }

    private static JsonObjectBuilder visit(String start, String end) {
        return Json.createObjectBuilder().add("scheduledStart", start).add("scheduledEnd", end);
    }

    @Test
    void aVisitIsSetMovedAndClearedWithOneHistoryEntryEach() {
        var day = LocalDate.now(MADRID).plusDays(3);
        var order = assigned(It.unique("area"), agent);
        var set = plan(agent, order, visit(at(day, 9), at(day, 11))).expect(200).json();
        assertEquals(instant(at(day, 9)), Instant.parse(set.getString("scheduledStart")));
        assertEquals(instant(at(day, 11)), Instant.parse(set.getString("scheduledEnd")));

        var moved = plan(dispatcher, set, Json.createObjectBuilder().add("scheduledEnd", at(day, 12))).expect(200).json();
        assertEquals(instant(at(day, 9)), Instant.parse(moved.getString("scheduledStart")), "the start stays");
        assertEquals(instant(at(day, 12)), Instant.parse(moved.getString("scheduledEnd")));

        plan(dispatcher, moved, visit(at(day, 9), at(day, 12))).expect(200);
        var cleared = plan(dispatcher, WorkOrders.get(dispatcher, order.getString("id")), Json.createObjectBuilder()
                .addNull("scheduledStart").addNull("scheduledEnd")).expect(200).json();
        assertTrue(WorkOrders.absent(cleared, "scheduledStart"), cleared.toString());

        var entries = history(agent, order.getString("id")).stream()
                .filter(e -> e.getString("kind").equals("SCHEDULED")).toList();
        assertEquals(3, entries.size(), "an unchanged visit records nothing: " + entries);
        var first = entries.getFirst();
        assertEquals("schedule", first.getString("field"));
        assertTrue(WorkOrders.absent(first, "from"));
        assertEquals(instant(at(day, 9)) + "/" + instant(at(day, 11)), first.getString("to"));
        assertEquals(agent.id(), first.getJsonObject("actor").getString("id"));
        assertEquals(first.getString("to"), entries.get(1).getString("from"));
        assertTrue(WorkOrders.absent(entries.get(2), "to"), "cleared");
    }

    @Test
    void theEndMustFollowTheStartAndBothComeTogether() {
        var day = LocalDate.now(MADRID).plusDays(1);
        var order = assigned(It.unique("area"), agent);
        assertEquals(Set.of("scheduledEnd"), plan(dispatcher, order, visit(at(day, 10), at(day, 9))).invalidFields());
        assertEquals(Set.of("scheduledEnd"), plan(dispatcher, order, visit(at(day, 10), at(day, 10))).invalidFields());
        assertEquals(Set.of("scheduledEnd"), plan(dispatcher, order,
                Json.createObjectBuilder().add("scheduledStart", at(day, 10))).invalidFields());
        assertEquals(Set.of("scheduledStart"), plan(dispatcher, order,
                Json.createObjectBuilder().add("scheduledEnd", at(day, 10))).invalidFields());
        assertEquals(Set.of("scheduledStart", "scheduledEnd", "title"), plan(dispatcher, order,
                visit("tomorrow", "2026-13-01T10:00:00Z").add("title", "")).invalidFields());
        assertEquals(Set.of("scheduledEnd"), dispatcher.post("/workorders/" + order.getString("id") + "/dispatch",
                Json.createObjectBuilder().add("scheduledStart", at(day, 10)).add("scheduledEnd", at(day, 8)).build())
                .invalidFields());
        assertTrue(history(dispatcher, order.getString("id")).stream()
                .noneMatch(e -> e.getString("kind").equals("SCHEDULED")), "nothing was recorded");
    }

    @Test
    void theDispatchEndpointAssignsAndPlansInOneStep() {
        var day = LocalDate.now(MADRID).plusDays(2);
        var order = create(dispatcher, order(It.unique("dispatch visit")).add("team", "bcn_repair"));
        var dispatched = dispatcher.post("/workorders/" + order.getString("id") + "/dispatch", Json.createObjectBuilder()
                .add("reason", "first free slot").add("scheduledStart", at(day, 16)).add("scheduledEnd", at(day, 18))
                .build()).expect(200).json();
        assertEquals(jordi.id(), WorkOrders.personId(dispatched, "assignee"), "bcn_repair's only member");
        assertEquals(instant(at(day, 16)), Instant.parse(dispatched.getString("scheduledStart")));
        var entry = history(dispatcher, order.getString("id")).stream()
                .filter(e -> e.getString("kind").equals("SCHEDULED")).findFirst().orElseThrow();
        assertEquals("first free slot", entry.getString("comment"));
        assertEquals(dispatcher.id(), entry.getJsonObject("actor").getString("id"));
    }

    @Test
    void theListFindsTheVisitsOfADayRangeAndAnAssignee() {
        var area = It.unique("area");
        var day = LocalDate.now(MADRID).plusDays(5);
        var late = plan(dispatcher, assigned(area, agent), visit(at(day, 22), at(day.plusDays(1), 1))).expect(200).json();
        var next = plan(dispatcher, assigned(area, agent), visit(at(day.plusDays(1), 9), at(day.plusDays(1), 10)))
                .expect(200).json();
        var jordis = plan(dispatcher, assigned(area, jordi), visit(at(day, 9), at(day, 10))).expect(200).json();
        assigned(area, agent);

        assertEquals(Set.of(late.getString("id"), jordis.getString("id")),
                ids(listAll(dispatcher, "area=" + area + "&scheduledFrom=" + day + "&scheduledTo=" + day)));
        assertEquals(Set.of(late.getString("id"), next.getString("id")), ids(listAll(dispatcher, "area=" + area
                + "&scheduledFrom=" + day.plusDays(1) + "&scheduledTo=" + day.plusDays(1))), "overlapping the day");
        assertEquals(Set.of(late.getString("id"), next.getString("id")), ids(listAll(dispatcher, "area=" + area
                + "&assignee=" + agent.id() + "&scheduledFrom=" + day)));
        assertEquals(Set.of(), ids(listAll(dispatcher, "area=" + area + "&scheduledTo=" + day.minusDays(1))));
        assertEquals(Set.of("scheduledFrom"), dispatcher.get("/workorders?scheduledFrom=soon").invalidFields());
        assertEquals(Set.of("scheduledTo"), dispatcher.get("/workorders?scheduledFrom=" + day + "&scheduledTo="
                + day.minusDays(1)).invalidFields());
    }

    @Test
    void requestersMayNotPlanAndAnotherTenantsOrderDoesNotExist() {
        var day = LocalDate.now(MADRID).plusDays(1);
        var order = create(dispatcher, order(It.unique("whose visit")).add("requesterId", requester.id()));
        plan(requester, order, visit(at(day, 9), at(day, 10))).problem(403, "forbidden");
        plan(Api.as(It.GLOBEX_DISPATCHER), order, visit(at(day, 9), at(day, 10))).problem(404, "not-found");
        Api.as(It.GLOBEX_DISPATCHER).post("/workorders/" + order.getString("id") + "/dispatch",
                visit(at(day, 9), at(day, 10)).build()).problem(404, "not-found");
        assertFalse(listAll(Api.as(It.GLOBEX_DISPATCHER), "scheduledFrom=" + day.minusDays(400)).stream()
                .anyMatch(o -> o.getString("id").equals(order.getString("id"))));
    }

    /**
     * The agent: ASSIGNED (open), ASSIGNED with a visit today (open, today), ASSIGNED with a visit tomorrow,
     * ON_HOLD (pending), RESOLVED (no load), CANCELLED with a visit today (neither); Jordi: a visit today on an
     * order since resolved (a visit, no load).
     */
    @Test
    void theWorkloadCountsOpenOrdersByCategoryAndTodaysVisits() {
        var area = It.unique("area");
        var today = LocalDate.now(MADRID);
        assigned(area, agent);
        plan(dispatcher, assigned(area, agent), visit(at(today, 0), at(today, 1))).expect(200);
        plan(dispatcher, assigned(area, agent), visit(at(today.plusDays(1), 0), at(today.plusDays(1), 2))).expect(200);
        var held = assigned(area, agent).getString("id");
        move(agent, held, "IN_PROGRESS");
        move(agent, held, "ON_HOLD");
        var done = assigned(area, agent).getString("id");
        move(agent, done, "IN_PROGRESS");
        move(agent, done, "RESOLVED");
        var cancelled = plan(dispatcher, assigned(area, agent), visit(at(today, 12), at(today, 13))).expect(200).json();
        move(dispatcher, cancelled.getString("id"), "CANCELLED");
        var visited = plan(dispatcher, assigned(area, jordi), visit(at(today, 8), at(today, 9))).expect(200).json();
        move(jordi, visited.getString("id"), "IN_PROGRESS");
        move(jordi, visited.getString("id"), "RESOLVED");

        var workload = dispatcher.get("/reports/summary?from=" + today + "&to=" + today.plusDays(1) + "&area=" + area)
                .expect(200).json().getJsonObject("workload");
        assertEquals(today.toString(), workload.getString("day"));
        var agents = workload.getJsonArray("agents").getValuesAs(JsonObject.class);
        assertEquals(List.of(agent.id(), jordi.id()), agents.stream().map(a -> a.getString("id")).toList());
        var mine = agents.getFirst();
        assertEquals(4, mine.getInt("total"));
        assertEquals(Json.createObjectBuilder().add("new", 0).add("open", 3).add("pending", 1).build(),
                mine.getJsonObject("byStatusCategory"));
        assertEquals(1, mine.getInt("scheduledToday"));
        assertEquals(0, agents.get(1).getInt("total"));
        assertEquals(1, agents.get(1).getInt("scheduledToday"));

        var csv = dispatcher.send("GET", "/reports/summary?section=workload&from=" + today + "&to="
                + today.plusDays(1) + "&area=" + area, null, null, java.util.Map.of("Accept", "text/csv")).expect(200);
        assertEquals(List.of("agent_id,agent_name,new,open,pending,total,scheduled_today",
                        agent.id() + "," + mine.getString("name") + ",0,3,1,4,1",
                        jordi.id() + "," + agents.get(1).getString("name") + ",0,0,0,0,1"),
                List.of(csv.body().split("\r\n")));
        Api.as(It.ACME_AGENT).get("/reports/summary?from=" + today + "&to=" + today.plusDays(1)).problem(403, "forbidden");
    }

    private static Set<String> ids(List<JsonObject> orders) {
        return orders.stream().map(o -> o.getString("id")).collect(java.util.stream.Collectors.toSet());
    }
}
