package dev.orden.it;

import static dev.orden.it.WorkOrders.absent;
import static dev.orden.it.WorkOrders.assign;
import static dev.orden.it.WorkOrders.create;
import static dev.orden.it.WorkOrders.get;
import static dev.orden.it.WorkOrders.move;
import static dev.orden.it.WorkOrders.order;
import static dev.orden.it.WorkOrders.transition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped default workflow through the API (acme's general type follows it): every legal move, the illegal
 * ones, the moves each caller is offered, and what resolving records.
 */
class LifecycleIT {

    private static final List<String> ALL = List.of("NEW", "ASSIGNED", "IN_PROGRESS", "ON_HOLD", "RESOLVED", "CLOSED",
            "CANCELLED");

    static Api dispatcher;
    static Api agent;
    static Api requester;

    @BeforeAll
    static void callers() {
        dispatcher = Api.as(It.ACME_DISPATCHER);
        agent = Api.as(It.ACME_AGENT);
        requester = Api.as(It.ACME_REQUESTER);
    }

    @Test
    void happyPathFromCreationToClosureRecordsWhoCompletedItAndReopeningClearsIt() {
        var created = create(requester, order(It.unique("lifecycle")).add("priority", "high"));
        var ref = created.getString("id");
        assertEquals("NEW", created.getString("status"));
        assertEquals("HIGH", created.getString("priority"));
        assertEquals(1, created.getInt("version"));
        assertEquals(Set.of("CANCELLED"), allowed(created));
        assertEquals(requester.id(), created.getJsonObject("requester").getString("id"));
        assertTrue(created.getString("number").matches("WO-\\d+"), created.toString());
        assertEquals("WO-" + created.getJsonNumber("sequence").longValue(), created.getString("number"));

        var assigned = assign(dispatcher, ref, agent.id(), "field").expect(200).json();
        assertEquals("ASSIGNED", assigned.getString("status"));
        assertEquals(agent.id(), assigned.getJsonObject("assignee").getString("id"));
        assertEquals(agent.name(), assigned.getJsonObject("assignee").getString("name"));
        assertEquals("field", assigned.getString("team"));
        assertEquals(Set.of("IN_PROGRESS", "CANCELLED"), allowed(assigned));

        var started = move(agent, ref, "IN_PROGRESS");
        assertEquals("open", started.getString("statusCategory"));
        assertEquals(Set.of("ON_HOLD", "RESOLVED"), allowed(started), "cancelling is for dispatchers and admins");
        assertEquals(Set.of("ON_HOLD", "RESOLVED", "CANCELLED"), allowed(get(dispatcher, ref)));
        var held = move(agent, ref, "ON_HOLD");
        assertEquals("pending", held.getString("statusCategory"));
        assertEquals(Set.of("IN_PROGRESS"), allowed(held));
        move(agent, ref, "IN_PROGRESS");

        var before = Instant.now().minusSeconds(60);
        var resolved = move(agent, ref, "RESOLVED");
        assertEquals(agent.id(), resolved.getJsonObject("completedBy").getString("id"));
        assertEquals(agent.name(), resolved.getJsonObject("completedBy").getString("name"));
        var completedAt = Instant.parse(resolved.getString("completedAt"));
        assertTrue(completedAt.isAfter(before), resolved.toString());
        assertEquals("resolved", resolved.getString("statusCategory"));
        assertEquals(Set.of(), allowed(resolved), "confirming or reopening is for the requester and dispatchers");
        assertEquals(Set.of("CLOSED", "IN_PROGRESS"), allowed(get(requester, ref)));

        var reopened = move(requester, ref, "IN_PROGRESS");
        assertTrue(absent(reopened, "completedBy"), reopened.toString());
        assertTrue(absent(reopened, "completedAt"), reopened.toString());
        assertTrue(absent(get(agent, ref), "completedBy"), "reopening must clear completedBy in the database too");

        var resolvedAgain = move(agent, ref, "RESOLVED");
        assertEquals(agent.id(), resolvedAgain.getJsonObject("completedBy").getString("id"));
        var closed = move(requester, ref, "CLOSED");
        assertEquals(Set.of(), allowed(closed));
        assertEquals(agent.id(), closed.getJsonObject("completedBy").getString("id"));

        // Each change is one new version: create=1, assign, 7 transitions.
        assertEquals(1 + 1 + 7, closed.getInt("version"));
        var stored = get(requester, created.getString("number"));
        assertEquals("CLOSED", stored.getString("status"));
        assertEquals(closed.getInt("version"), stored.getInt("version"));
        assertEquals(closed.getString("completedAt"), stored.getString("completedAt"));
    }

    @Test
    void movesTheLifecycleDoesNotAllowAre409AndChangeNothing() {
        var order = create(dispatcher, It.unique("illegal"));
        var ref = order.getString("number");
        for (var to : List.of("NEW", "ASSIGNED", "IN_PROGRESS", "ON_HOLD", "RESOLVED", "CLOSED")) {
            transition(dispatcher, ref, to).problem(409, "illegal-transition");
        }
        assign(dispatcher, ref, agent.id(), null).expect(200);
        for (var to : List.of("NEW", "ASSIGNED", "ON_HOLD", "RESOLVED", "CLOSED")) {
            transition(agent, ref, to).problem(409, "illegal-transition");
        }
        move(agent, ref, "IN_PROGRESS");
        for (var to : List.of("NEW", "ASSIGNED", "IN_PROGRESS", "CLOSED")) {
            transition(agent, ref, to).problem(409, "illegal-transition");
        }
        var stored = get(agent, ref);
        assertEquals("IN_PROGRESS", stored.getString("status"));
        assertEquals(3, stored.getInt("version"), "failed transitions must not bump the version");
    }

    @Test
    void aTransitionNeedingACommentIs422WithoutOneAndChangesNothing() {
        var order = create(dispatcher, It.unique("comment-needed"));
        var ref = order.getString("id");
        for (var comment : List.of("", "   ")) {
            var res = dispatcher.post("/workorders/" + ref + "/transitions",
                    jakarta.json.Json.createObjectBuilder().add("to", "CANCELLED").add("comment", comment).build());
            assertEquals(Set.of("comment"), res.invalidFields());
        }
        assertEquals(Set.of("comment"), transition(dispatcher, ref, "CANCELLED").invalidFields());
        var stored = get(dispatcher, ref);
        assertEquals("NEW", stored.getString("status"));
        assertEquals(order.getInt("version"), stored.getInt("version"));
    }

    @Test
    void theTransitionsEndpointDescribesTheCallersMoves() {
        var order = create(requester, It.unique("offered"));
        var ref = order.getString("id");
        assign(dispatcher, ref, agent.id(), null).expect(200);
        var forAgent = agent.get("/workorders/" + ref + "/transitions").expect(200).objects();
        assertEquals(1, forAgent.size());
        var start = forAgent.getFirst();
        assertEquals("IN_PROGRESS", start.getString("to"));
        assertEquals("open", start.getString("category"));
        assertEquals("En curso", start.getJsonObject("name").getString("es"));
        assertFalse(start.getBoolean("requireComment"));
        var forRequester = requester.get("/workorders/" + ref + "/transitions").expect(200).objects();
        assertEquals(List.of("CANCELLED"), forRequester.stream().map(t -> t.getString("to")).toList());
        assertTrue(forRequester.getFirst().getBoolean("requireComment"));
        Api.as(It.GLOBEX_AGENT).get("/workorders/" + ref + "/transitions").problem(404, "not-found");
    }

    @Test
    void anUnknownTargetStatusIs422() {
        var order = create(dispatcher, It.unique("unknown-target"));
        assertEquals(Set.of("to"), transition(dispatcher, order.getString("id"), "DONE").invalidFields());
        assertEquals(Set.of("to"), dispatcher.post("/workorders/" + order.getString("id") + "/transitions",
                jakarta.json.JsonValue.EMPTY_JSON_OBJECT).invalidFields());
    }

    @Test
    void startingWorkWithoutAnAssigneeIs409() {
        var order = create(dispatcher, It.unique("no-assignee"));
        var ref = order.getString("id");
        var teamOnly = assign(dispatcher, ref, null, "field").expect(200).json();
        assertEquals("NEW", teamOnly.getString("status"), "a team alone does not make an order ASSIGNED");
        assertEquals("field", teamOnly.getString("team"));
        transition(dispatcher, ref, "IN_PROGRESS").problem(409, "illegal-transition");
        transition(dispatcher, ref, "ASSIGNED").problem(409, "illegal-transition");
        var stored = get(dispatcher, ref);
        assertEquals("NEW", stored.getString("status"));
        assertFalse(stored.containsKey("assignee") && !stored.isNull("assignee"));
    }

    @Test
    void cancelledIsTerminal() {
        var order = create(dispatcher, It.unique("cancel"));
        var ref = order.getString("id");
        assign(dispatcher, ref, agent.id(), null).expect(200);
        var cancelled = move(dispatcher, ref, "CANCELLED");
        assertEquals(Set.of(), allowed(cancelled));
        for (var to : ALL) {
            transition(dispatcher, ref, to).problem(409, "illegal-transition");
        }
        assign(dispatcher, ref, dispatcher.id(), "office").problem(409, null);
        var stored = get(dispatcher, ref);
        assertEquals("CANCELLED", stored.getString("status"));
        assertEquals(cancelled.getInt("version"), stored.getInt("version"));
        assertEquals(agent.id(), stored.getJsonObject("assignee").getString("id"));
        assertTrue(absent(stored, "team"));
    }

    @Test
    void aNewOrderCanBeCancelledByItsRequester() {
        var order = create(requester, It.unique("cancel-own"));
        var cancelled = move(requester, order.getString("id"), "CANCELLED");
        assertNotNull(cancelled.getString("updatedAt"));
        transition(requester, order.getString("id"), "CLOSED").problem(409, "illegal-transition");
    }

    private static Set<String> allowed(JsonObject order) {
        return order.getJsonArray("allowedTransitions").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).collect(Collectors.toSet());
    }
}
