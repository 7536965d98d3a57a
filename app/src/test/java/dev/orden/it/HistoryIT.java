package dev.orden.it;

import static dev.orden.it.WorkOrders.assign;
import static dev.orden.it.WorkOrders.comment;
import static dev.orden.it.WorkOrders.comments;
import static dev.orden.it.WorkOrders.create;
import static dev.orden.it.WorkOrders.get;
import static dev.orden.it.WorkOrders.history;
import static dev.orden.it.WorkOrders.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every change to an order shows up in its history, in order, with who did it and what changed from and to. */
class HistoryIT {

    /** What one history entry must say; null means "absent". */
    record Entry(String kind, String field, String from, String to, String actorId, String comment,
                 String visibility) {

        static Entry of(JsonObject e) {
            return new Entry(e.getString("kind"), text(e, "field"), text(e, "from"), text(e, "to"),
                    e.getJsonObject("actor").getString("id"), text(e, "comment"), e.getString("visibility"));
        }

        private static String text(JsonObject e, String key) {
            return WorkOrders.absent(e, key) ? null : e.getString(key);
        }
    }

    static Api dispatcher;
    static Api agent;
    static Api requester;
    static String ref;
    static List<Entry> expected;

    /** One order through a realistic series of changes by three people; the expected history alongside. */
    @BeforeAll
    static void anOrderWithAHistory() {
        dispatcher = Api.as(It.ACME_DISPATCHER);
        agent = Api.as(It.ACME_AGENT);
        requester = Api.as(It.ACME_REQUESTER);
        var title = It.unique("history");
        var order = create(dispatcher, order(title).add("priority", "LOW").add("requesterId", requester.id())
                .add("customFields", Json.createObjectBuilder().add("model", "X100")));
        ref = order.getString("id");
        expected = new ArrayList<>();
        expected.add(new Entry("CREATED", "status", null, "NEW", dispatcher.id(), null, "PUBLIC"));

        var patched = dispatcher.patch("/workorders/" + ref, Json.createObjectBuilder()
                .add("title", title + " (revisado)")
                .add("priority", "high")
                .add("customFields", Json.createObjectBuilder().add("serial", "S-1").add("model", "X200"))
                .build(), order.getInt("version")).expect(200).json();
        expected.add(new Entry("UPDATED", "title", title, title + " (revisado)", dispatcher.id(), null, "PUBLIC"));
        expected.add(new Entry("UPDATED", "priority", "LOW", "HIGH", dispatcher.id(), null, "PUBLIC"));
        expected.add(new Entry("UPDATED", "customFields.model", "X100", "X200", dispatcher.id(), null, "PUBLIC"));
        expected.add(new Entry("UPDATED", "customFields.serial", null, "S-1", dispatcher.id(), null, "PUBLIC"));

        // Removing a custom field (merge patch null) is a change from its value to nothing.
        dispatcher.patch("/workorders/" + ref, Json.createObjectBuilder()
                .add("customFields", Json.createObjectBuilder().addNull("model")).build(),
                patched.getInt("version")).expect(200);
        expected.add(new Entry("UPDATED", "customFields.model", "X200", null, dispatcher.id(), null, "PUBLIC"));

        dispatcher.post("/workorders/" + ref + "/assignment", Json.createObjectBuilder()
                .add("assignee", agent.id()).add("team", "field").add("reason", "zona norte").build()).expect(200);
        expected.add(new Entry("ASSIGNED", "assignee", null, agent.name(), dispatcher.id(), "zona norte", "PUBLIC"));
        expected.add(new Entry("ASSIGNED", "team", null, "field", dispatcher.id(), "zona norte", "PUBLIC"));
        expected.add(new Entry("STATUS_CHANGED", "status", "NEW", "ASSIGNED", dispatcher.id(), "zona norte",
                "PUBLIC"));

        agent.post("/workorders/" + ref + "/transitions",
                Json.createObjectBuilder().add("to", "IN_PROGRESS").add("comment", "en camino").build()).expect(200);
        expected.add(new Entry("STATUS_CHANGED", "status", "ASSIGNED", "IN_PROGRESS", agent.id(), "en camino",
                "PUBLIC"));

        comment(requester, ref, "¿A qué hora llegan?", "PUBLIC").expect(201);
        expected.add(new Entry("COMMENTED", null, null, null, requester.id(), "¿A qué hora llegan?", "PUBLIC"));

        comment(agent, ref, "Cliente difícil, llevar repuesto", "INTERNAL").expect(201);
        expected.add(new Entry("COMMENTED", null, null, null, agent.id(), "Cliente difícil, llevar repuesto",
                "INTERNAL"));

        agent.post("/workorders/" + ref + "/transitions",
                Json.createObjectBuilder().add("to", "ON_HOLD").add("comment", "falta repuesto").build()).expect(200);
        expected.add(new Entry("STATUS_CHANGED", "status", "IN_PROGRESS", "ON_HOLD", agent.id(), "falta repuesto",
                "PUBLIC"));

        assign(dispatcher, ref, dispatcher.id(), null).expect(200);
        expected.add(new Entry("ASSIGNED", "assignee", agent.name(), dispatcher.name(), dispatcher.id(), null,
                "PUBLIC"));
    }

    @Test
    void staffSeeEveryChangeInOrderWithActorFieldAndValues() {
        var history = history(agent, ref);
        assertEquals(expected, history.stream().map(Entry::of).toList());
        Instant previous = Instant.EPOCH;
        var ids = new HashSet<String>();
        for (var entry : history) {
            var at = Instant.parse(entry.getString("at"));
            assertFalse(at.isBefore(previous), "history out of order: " + history);
            previous = at;
            assertTrue(ids.add(entry.getString("id")), "duplicate entry id");
            assertFalse(entry.getJsonObject("actor").getString("name").isBlank());
        }
        var version = WorkOrders.get(agent, ref).getInt("configVersion");
        assertTrue(history.stream().allMatch(e -> e.getInt("configVersion") == version),
                "every entry records the configuration version in force: " + history);
        var actorNames = history.stream().filter(e -> e.getJsonObject("actor").getString("id").equals(agent.id()))
                .map(e -> e.getJsonObject("actor").getString("name")).distinct().toList();
        assertEquals(List.of(agent.name()), actorNames);
    }

    @Test
    void theRequesterSeesTheSameHistoryWithoutInternalEntries() {
        var publicOnly = expected.stream().filter(e -> e.visibility().equals("PUBLIC")).toList();
        assertEquals(publicOnly, history(requester, ref).stream().map(Entry::of).toList());
        assertTrue(publicOnly.size() < expected.size());
    }

    @Test
    void theRequesterSeesOnlyPublicComments() {
        var staffView = comments(dispatcher, ref);
        assertEquals(List.of("PUBLIC", "INTERNAL"), staffView.stream().map(c -> c.getString("visibility")).toList());
        var requesterView = comments(requester, ref);
        assertEquals(1, requesterView.size(), requesterView.toString());
        assertEquals("¿A qué hora llegan?", requesterView.getFirst().getString("body"));
        assertEquals(requester.id(), requesterView.getFirst().getJsonObject("author").getString("id"));
    }

    @Test
    void aPatchThatChangesNothingAddsNoHistoryAndKeepsTheVersion() {
        var title = It.unique("noop");
        var order = create(dispatcher, order(title).add("priority", "URGENT")
                .add("customFields", Json.createObjectBuilder().add("model", "X1")));
        var id = order.getString("id");
        var same = dispatcher.patch("/workorders/" + id, Json.createObjectBuilder().add("title", title)
                .add("priority", "urgent").add("customFields", Json.createObjectBuilder().add("model", "X1"))
                .build(), order.getInt("version")).expect(200).json();
        assertEquals(order.getInt("version"), same.getInt("version"));
        assertEquals(order.getString("updatedAt"), same.getString("updatedAt"));
        assertEquals(1, history(dispatcher, id).size());
        assertEquals(order.getInt("version"), get(dispatcher, id).getInt("version"));
    }
}
