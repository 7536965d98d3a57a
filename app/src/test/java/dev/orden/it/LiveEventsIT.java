package dev.orden.it;

import static dev.orden.it.WorkOrders.assign;
import static dev.orden.it.WorkOrders.comment;
import static dev.orden.it.WorkOrders.create;
import static dev.orden.it.WorkOrders.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/events} on one server: staff hear of every order of their tenant, requesters only of their own
 * and only of public entries, another tenant of nothing; resuming by {@code Last-Event-ID}, heartbeats, the cap on
 * streams per user, and the listener's recovery when its database connection is killed.
 */
class LiveEventsIT {

    @AfterAll
    static void closedStreamsDropped() {
        EventStream.letServersDropClosedStreams();
    }

    /** A stream as {@code username} with a token of its own (streams outlive the cached one's reuse). */
    private static EventStream stream(String username) {
        return EventStream.open(It.BASE_URL, username, Tokens.passwordGrant(username, It.DEMO_PASSWORD));
    }

    private static List<String> changed(EventStream.Event event) {
        return event.json().getJsonArray("changed").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
    }

    @Test
    void staffHearOfEveryChangeToAnOrderSomeoneElseMade() {
        var requester = Api.as(It.ACME_REQUESTER);
        var dispatcher = Api.as(It.ACME_DISPATCHER);
        var agent = Api.as(It.ACME_AGENT);
        try (var events = stream(It.ACME_DISPATCHER)) {
            var order = create(requester, It.unique("live staff"));
            var id = order.getString("id");

            var created = events.about(id, "workorder.created");
            var data = created.json();
            assertEquals(order.getString("number"), data.getString("number"));
            assertEquals(order.getString("status"), data.getString("status"));
            assertEquals(order.getString("statusCategory"), data.getString("statusCategory"));
            assertEquals(order.getInt("version"), data.getInt("version"));
            assertEquals(requester.id(), data.getJsonObject("actor").getString("id"));
            assertFalse(created.id() == null || created.id().isBlank(), "events carry an id");
            assertEquals("no", events.header("X-Accel-Buffering").orElse(null), "asks proxies not to buffer");

            // A change that is rolled back (stale version) is never announced: the next event is the assignment.
            dispatcher.patch("/workorders/" + id, Json.createObjectBuilder().add("priority", "HIGH").build(),
                    order.getInt("version") + 5).problem(409, "stale-version");
            assign(dispatcher, id, agent.id(), "field").expect(200);
            var assigned = events.until(e -> id.equals(e.orderId())).getLast();
            assertEquals("workorder.assigned", assigned.name(), assigned.toString());
            assertEquals("ASSIGNED", assigned.json().getString("status"));
            assertTrue(changed(assigned).containsAll(List.of("assignee", "team", "status")), assigned.toString());
            assertEquals(dispatcher.id(), assigned.json().getJsonObject("actor").getString("id"));
            assertTrue(assigned.json().getInt("version") > order.getInt("version"));

            comment(agent, id, "internal note", "INTERNAL").expect(201);
            var internal = events.about(id, "workorder.commented");
            assertEquals("internal", internal.json().getJsonObject("comment").getString("visibility"));
            assertEquals(agent.id(), internal.json().getJsonObject("actor").getString("id"));

            comment(requester, id, "¿cuándo vienen?", "PUBLIC").expect(201);
            var fromRequester = events.about(id, "workorder.commented");
            assertEquals("public", fromRequester.json().getJsonObject("comment").getString("visibility"));
            assertEquals(requester.id(), fromRequester.json().getJsonObject("actor").getString("id"));

            WorkOrders.move(agent, id, "IN_PROGRESS");
            var moved = events.about(id, "workorder.changed");
            assertEquals("IN_PROGRESS", moved.json().getString("status"));
            assertEquals(List.of("status"), changed(moved));
            for (var event : List.of(created, assigned, internal, fromRequester, moved)) {
                assertFalse(event.data().contains("internal note") || event.data().contains("cuándo"),
                        "events say what changed, not the text: " + event);
            }
        }
    }

    /**
     * Two edits of the same version at once: both store their history, one commits and the other is rolled back at
     * the version check. Only the committed one is announced, with the committed version.
     */
    @Test
    void ofConcurrentEditsOnlyTheCommittedOneIsAnnounced() throws Exception {
        var dispatcher = Api.as(It.ACME_DISPATCHER);
        var agent = Api.as(It.ACME_AGENT);
        var pool = Executors.newFixedThreadPool(2);
        try (var events = stream(It.ACME_DISPATCHER)) {
            var id = create(dispatcher, It.unique("live race")).getString("id");
            var winners = new ArrayList<List<String>>();
            var versions = new ArrayList<Integer>();
            for (int round = 0; round < 4; round++) {
                int version = WorkOrders.get(dispatcher, id).getInt("version");
                var barrier = new CyclicBarrier(2);
                var title = pool.submit(() -> {
                    barrier.await();
                    return dispatcher.patch("/workorders/" + id, Json.createObjectBuilder().add("title",
                            "race " + version).build(), version);
                });
                var area = pool.submit(() -> {
                    barrier.await();
                    return agent.patch("/workorders/" + id, Json.createObjectBuilder().add("area", "zone " + version)
                            .build(), version);
                });
                var byTitle = title.get();
                var byArea = area.get();
                assertEquals(Set.of(200, 409), Set.of(byTitle.status(), byArea.status()),
                        byTitle.describe() + " / " + byArea.describe());
                var winner = byTitle.status() == 200 ? byTitle : byArea;
                winners.add(byTitle.status() == 200 ? List.of("title") : List.of("area"));
                versions.add(winner.json().getInt("version"));
            }
            comment(dispatcher, id, "done", "INTERNAL").expect(201);
            var seen = events.until(e -> id.equals(e.orderId()) && "workorder.commented".equals(e.name())).stream()
                    .filter(e -> id.equals(e.orderId()) && "workorder.changed".equals(e.name())).toList();
            assertEquals(versions, seen.stream().map(e -> e.json().getInt("version")).toList(), seen.toString());
            assertEquals(winners, seen.stream().map(LiveEventsIT::changed).toList(), seen.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void requestersHearOnlyOfTheirOwnOrdersAndOfPublicEntries() {
        var requester = Api.as(It.ACME_REQUESTER);
        var agent = Api.as(It.ACME_AGENT);
        try (var events = stream(It.ACME_REQUESTER)) {
            var someoneElses = create(agent, It.unique("live not theirs")).getString("id");
            var own = create(requester, It.unique("live theirs")).getString("id");
            comment(agent, own, "internal only", "INTERNAL").expect(201);
            comment(agent, someoneElses, "public, but not their order", "PUBLIC").expect(201);
            comment(agent, own, "public answer", "PUBLIC").expect(201);

            var seen = events.until(e -> own.equals(e.orderId()) && e.name().equals("workorder.commented"));
            assertEquals("workorder.created", seen.stream().filter(e -> own.equals(e.orderId())).findFirst()
                    .orElseThrow().name(), seen.toString());
            assertEquals(2, seen.stream().filter(e -> own.equals(e.orderId())).count(),
                    "created and the public comment, not the internal one: " + seen);
            assertEquals("public", seen.getLast().json().getJsonObject("comment").getString("visibility"));
            assertTrue(seen.stream().noneMatch(e -> someoneElses.equals(e.orderId())), seen.toString());
        }
    }

    @Test
    void anotherTenantHearsNothing() {
        var acme = Api.as(It.ACME_DISPATCHER);
        var globex = Api.as(It.GLOBEX_DISPATCHER);
        try (var acmeEvents = stream(It.ACME_DISPATCHER);
             var globexStaff = stream(It.GLOBEX_DISPATCHER);
             var globexRequester = stream(It.GLOBEX_REQUESTER)) {
            var acmeOrders = new ArrayList<String>();
            for (int i = 0; i < 3; i++) {
                var id = create(acme, order(It.unique("live acme only"))).getString("id");
                comment(acme, id, "acme", "INTERNAL").expect(201);
                acmeOrders.add(id);
            }
            var acmeEventId = acmeEvents.about(acmeOrders.getLast(), "workorder.commented").id();
            var globexOrder = create(globex, order(It.unique("live globex")).add("requesterId",
                    Api.as(It.GLOBEX_REQUESTER).id())).getString("id");

            for (var stream : List.of(globexStaff, globexRequester)) {
                var seen = stream.until(e -> globexOrder.equals(e.orderId()) && "workorder.created".equals(e.name()));
                assertTrue(seen.stream().noneMatch(e -> acmeOrders.contains(e.orderId())), seen.toString());
            }
            // acme's event id names nothing for globex: no replay of acme's changes, a resync instead.
            try (var resumed = EventStream.open(It.BASE_URL, "globex resuming", Tokens.passwordGrant(
                    It.GLOBEX_DISPATCHER, It.DEMO_PASSWORD), acmeEventId)) {
                assertEquals("resync", resumed.next().name());
            }
        }
    }

    @Test
    void lastEventIdResumesWhereTheStreamLeftOff() {
        var dispatcher = Api.as(It.ACME_DISPATCHER);
        String id;
        List<EventStream.Event> firstRun;
        try (var events = stream(It.ACME_DISPATCHER)) {
            id = create(dispatcher, It.unique("live resume")).getString("id");
            comment(dispatcher, id, "one", "PUBLIC").expect(201);
            comment(dispatcher, id, "two", "INTERNAL").expect(201);
            firstRun = new ArrayList<>();
            firstRun.add(events.about(id, "workorder.created"));
            firstRun.add(events.about(id, "workorder.commented"));
            firstRun.add(events.about(id, "workorder.commented"));
        }
        var token = Tokens.passwordGrant(It.ACME_DISPATCHER, It.DEMO_PASSWORD);
        try (var resumed = EventStream.open(It.BASE_URL, "resumed", token, firstRun.getFirst().id())) {
            var replayed = resumed.until(e -> firstRun.getLast().id().equals(e.id()))
                    .stream().filter(e -> id.equals(e.orderId())).toList();
            assertEquals(firstRun.subList(1, 3).stream().map(EventStream.Event::id).toList(),
                    replayed.stream().map(EventStream.Event::id).toList());
            assertEquals(firstRun.subList(1, 3).stream().map(EventStream.Event::name).toList(),
                    replayed.stream().map(EventStream.Event::name).toList());
        }
        try (var unknown = EventStream.open(It.BASE_URL, "unknown id", token, "no-such-event")) {
            var resync = unknown.next();
            assertEquals("resync", resync.name());
            assertTrue(resync.json().getString("reason").contains("Last-Event-ID"), resync.toString());
        }
    }

    @Test
    void quietStreamsGetHeartbeats() {
        try (var events = stream(It.ACME_AGENT)) {
            // The greeting, then a comment line every two seconds on the test servers (ORDEN_LIVE_HEARTBEAT).
            awaitTrue(() -> events.comments() >= 3, Duration.ofSeconds(10), "heartbeats on " + events);
            assertFalse(events.ended());
        }
    }

    @Test
    void aUserHasFiveStreamsAtMostAndAClosedOneIsFreedSoon() {
        var token = Tokens.passwordGrant(It.ACME_ADMIN, It.DEMO_PASSWORD);
        var open = new ArrayList<EventStream>();
        try {
            for (int i = 0; i < 5; i++) open.add(EventStream.open(It.BASE_URL, "admin " + i, token));
            var refused = EventStream.attempt(It.BASE_URL, "admin 6", token, null);
            assertEquals(429, refused.status(), refused.body());
            assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
            var problem = Json.createReader(new StringReader(refused.body())).readObject();
            assertEquals(Res.PROBLEM_TYPE_BASE + "rate-limited", problem.getString("type"));

            // The server notices a client that left at its next write (a heartbeat) and frees its place.
            open.removeFirst().close();
            var reopened = awaitOpening(token, Duration.ofSeconds(10));
            open.add(reopened);
        } finally {
            open.forEach(EventStream::close);
        }
    }

    @Test
    void noTokenNoStream() {
        var opening = EventStream.attempt(It.BASE_URL, "nobody", null, null);
        assertEquals(401, opening.status(), opening.body());
    }

    /**
     * The database drops the server's listening connection: it reconnects by itself, streams get a resync (they
     * may have missed changes meanwhile), and changes flow again.
     */
    @Test
    void theListenerReconnectsAndStreamsResync() throws SQLException {
        var dispatcher = Api.as(It.ACME_DISPATCHER);
        try (var events = stream(It.ACME_DISPATCHER)) {
            var before = create(dispatcher, It.unique("live before")).getString("id");
            events.about(before, "workorder.created");
            assertTrue(terminateListeners() >= 1, "no listening connection found");
            var resync = events.until(e -> "resync".equals(e.name())).getLast();
            assertTrue(resync.json().getString("reason").contains("missed"), resync.toString());
            var after = create(dispatcher, It.unique("live after")).getString("id");
            assertEquals("workorder.created", events.about(after, "workorder.created").name());
        }
    }

    /** Kills the servers' LISTEN connections (the runtime role may end its own sessions). */
    static int terminateListeners() throws SQLException {
        try (var connection = Db.connectAsApp(); var statement = connection.prepareStatement("""
                SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity
                WHERE application_name = 'orden-live-listener' AND datname = current_database()""");
             var rows = statement.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static EventStream awaitOpening(String token, Duration within) {
        var deadline = System.nanoTime() + within.toNanos();
        EventStream.Opening last;
        do {
            last = EventStream.attempt(It.BASE_URL, "admin again", token, null);
            if (last.stream() != null) return last.stream();
            assertEquals(429, last.status(), last.body());
            LockSupport.parkNanos(Duration.ofMillis(300).toNanos());
        } while (System.nanoTime() < deadline);
        return fail("still " + last.status() + " after " + within + ": " + last.body());
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, Duration within, String what) {
        var deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail(what + " not within " + within);
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }
}
