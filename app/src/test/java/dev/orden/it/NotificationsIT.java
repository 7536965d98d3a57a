package dev.orden.it;

import static dev.orden.it.WorkOrders.assign;
import static dev.orden.it.WorkOrders.create;
import static dev.orden.it.WorkOrders.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** In-app notifications: the assignee on assignment, the requester on status changes; each sees only their own. */
class NotificationsIT {

    static final Api dispatcher = Api.as(It.ACME_DISPATCHER);
    static final Api agent = Api.as(It.ACME_AGENT);
    static final Api requester = Api.as(It.ACME_REQUESTER);

    @Test
    void assigneeAndRequesterAreToldAndOnlyTheyCanMarkTheirs() {
        var ref = create(dispatcher, order(It.unique("notify")).add("requesterId", requester.id())).getString("id");
        var agentUnreadBefore = unread(agent);
        assign(dispatcher, ref, agent.id(), null).expect(200);

        var toAgent = ofOrder(agent, ref);
        assertEquals(1, toAgent.size(), "the assignee is told once: " + toAgent);
        assertEquals("assigned", toAgent.getFirst().getString("kind"));
        assertFalse(toAgent.getFirst().getBoolean("read"));
        assertEquals(agentUnreadBefore + 1, unread(agent));

        var toRequester = ofOrder(requester, ref);
        assertEquals(List.of("status_changed"), toRequester.stream().map(n -> n.getString("kind")).toList(),
                "the requester hears of NEW -> ASSIGNED");
        assertTrue(ofOrder(dispatcher, ref).isEmpty(), "nobody is told of their own change");

        var id = toAgent.getFirst().getString("id");
        requester.post("/notifications/" + id + "/read", Json.createObjectBuilder().build()).expect(404);
        var read = agent.post("/notifications/" + id + "/read", Json.createObjectBuilder().build()).expect(200)
                .json();
        assertTrue(read.getBoolean("read"));
        assertNotNull(read.getString("readAt"));
        assertEquals(agentUnreadBefore, unread(agent));

        agent.post("/notifications/read-all", Json.createObjectBuilder().build()).expect(200);
        assertEquals(0, unread(agent));
        assertTrue(unread(requester) > 0, "marking all read is the caller's own inbox only");
    }

    @Test
    void unreadComeFirstAndTheCursorPages() {
        var first = create(dispatcher, order(It.unique("notify-a")).add("requesterId", requester.id()));
        var second = create(dispatcher, order(It.unique("notify-b")).add("requesterId", requester.id()));
        assign(dispatcher, first.getString("id"), agent.id(), null).expect(200);
        assign(dispatcher, second.getString("id"), agent.id(), null).expect(200);
        var older = ofOrder(agent, first.getString("id")).getFirst().getString("id");
        agent.post("/notifications/" + ofOrder(agent, second.getString("id")).getFirst().getString("id") + "/read",
                Json.createObjectBuilder().build()).expect(200);

        var page = agent.get("/notifications?limit=1").expect(200).json();
        assertEquals(older, page.getJsonArray("items").getJsonObject(0).getString("id"),
                "the unread, older one comes before the read, newer one");
        var next = agent.get("/notifications?limit=1&cursor=" + page.getString("nextCursor")).expect(200).json();
        assertEquals(1, next.getJsonArray("items").size());
        assertFalse(older.equals(next.getJsonArray("items").getJsonObject(0).getString("id")));

        agent.get("/notifications?cursor=nonsense").expect(422);
        agent.get("/notifications?limit=0").expect(422);
    }

    private static long unread(Api api) {
        return api.get("/notifications/unread-count").expect(200).json().getJsonNumber("unread").longValue();
    }

    private static List<JsonObject> ofOrder(Api api, String ref) {
        return api.get("/notifications?limit=100").expect(200).json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream()
                .filter(n -> ref.equals(n.getString("workOrderId", null))).toList();
    }
}
