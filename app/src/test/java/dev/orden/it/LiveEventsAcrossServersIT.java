package dev.orden.it;

import static dev.orden.it.WorkOrders.assign;
import static dev.orden.it.WorkOrders.comment;
import static dev.orden.it.WorkOrders.create;
import static dev.orden.it.WorkOrders.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * Two servers on one database and one Keycloak (orden-it and its replica, started by the build): a change made
 * through either reaches the streams on both, through PostgreSQL's NOTIFY and each server's LISTEN, still only for
 * its tenant; and how long that takes over a hundred changes (printed for docs/performance.md, never asserted).
 */
class LiveEventsAcrossServersIT {

    private static final int WARM_UP = 10;
    private static final int MEASURED = 100;

    @BeforeAll
    static void aReplicaRuns() {
        assumeTrue(It.REPLICA_URL != null, "no replica server (orden.it.replicaUrl)");
        It.awaitReady(It.REPLICA_URL);
    }

    @AfterAll
    static void closedStreamsDropped() {
        if (It.REPLICA_URL != null) EventStream.letServersDropClosedStreams();
    }

    private static EventStream stream(String baseUrl, String username) {
        return EventStream.open(baseUrl, username + " on " + baseUrl, Tokens.passwordGrant(username, It.DEMO_PASSWORD));
    }

    @Test
    void changesThroughEitherServerReachTheStreamsOfTheOther() {
        var requester = Api.as(It.ACME_REQUESTER);
        var dispatcher = Api.as(It.ACME_DISPATCHER);
        var agent = Api.as(It.ACME_AGENT);
        try (var onReplica = stream(It.REPLICA_URL, It.ACME_DISPATCHER);
             var requesterOnReplica = stream(It.REPLICA_URL, It.ACME_REQUESTER);
             var globexOnReplica = stream(It.REPLICA_URL, It.GLOBEX_DISPATCHER);
             var onPrimary = stream(It.BASE_URL, It.ACME_DISPATCHER)) {
            var id = create(requester, It.unique("live across")).getString("id");
            var created = onReplica.about(id, "workorder.created");
            assertEquals(requester.id(), created.json().getJsonObject("actor").getString("id"));
            assign(dispatcher, id, agent.id(), "field").expect(200);
            assertEquals("ASSIGNED", onReplica.about(id, "workorder.assigned").json().getString("status"));

            // Through the replica: both servers' streams hear of it, with the same event id.
            dispatcher.post(It.REPLICA_URL + "/api/v1/workorders/" + id + "/comments", Json.createObjectBuilder()
                    .add("body", "desde la réplica").add("visibility", "INTERNAL").build()).expect(201);
            var there = onReplica.about(id, "workorder.commented");
            var here = onPrimary.until(e -> id.equals(e.orderId()) && "workorder.commented".equals(e.name())).getLast();
            assertEquals(there.id(), here.id());

            // The requester on the replica: their order's created, assigned and a public comment; never the internal one.
            comment(agent, id, "en camino", "PUBLIC").expect(201);
            var theirs = requesterOnReplica.until(e -> id.equals(e.orderId()) && "workorder.commented".equals(e.name()));
            assertEquals(List.of("workorder.created", "workorder.assigned", "workorder.commented"),
                    theirs.stream().filter(e -> id.equals(e.orderId())).map(EventStream.Event::name).toList());
            assertEquals("public", theirs.getLast().json().getJsonObject("comment").getString("visibility"));

            var globexOrder = create(Api.as(It.GLOBEX_DISPATCHER), order(It.unique("live globex across")))
                    .getString("id");
            var globexSaw = globexOnReplica.until(e -> globexOrder.equals(e.orderId()));
            assertTrue(globexSaw.stream().noneMatch(e -> id.equals(e.orderId())), globexSaw.toString());
        }
    }

    /**
     * Commit → event: {@value #MEASURED} comments through the primary, each awaited on three staff streams on each
     * server (dispatcher, agent, admin). Timed from the request, and from the moment a test LISTEN connection saw
     * the notice (the commit, give or take the notify that follows it), to the event read by the last of a server's
     * three streams.
     */
    @Test
    void fanOutLatency() throws Exception {
        var dispatcher = Api.as(It.ACME_DISPATCHER);
        var id = create(dispatcher, It.unique("live latency")).getString("id");
        var notified = new ConcurrentHashMap<String, Long>();
        var servers = Map.of("primary", It.BASE_URL, "replica", It.REPLICA_URL);
        var streams = new java.util.TreeMap<String, List<EventStream>>();
        try (var listener = new TestListener(notified)) {
            servers.forEach((server, url) -> streams.put(server, List.of(stream(url, It.ACME_DISPATCHER),
                    stream(url, It.ACME_AGENT), stream(url, It.ACME_ADMIN))));
            var requests = new Samples();
            var fromRequest = new Samples();
            var fromNotify = new Samples();
            for (int i = 0; i < WARM_UP + MEASURED; i++) {
                long sent = System.nanoTime();
                comment(dispatcher, id, "ping " + i, "INTERNAL").expect(201);
                if (i >= WARM_UP) requests.add("primary", System.nanoTime() - sent);
                String eventId = null;
                for (var server : streams.entrySet()) {
                    long last = 0;
                    for (var stream : server.getValue()) {
                        var event = stream.about(id, "workorder.commented");
                        if (eventId == null) eventId = event.id();
                        assertEquals(eventId, event.id());
                        last = Math.max(last, event.receivedNanos());
                    }
                    long notice = awaitNotice(notified, eventId);
                    if (i < WARM_UP) continue;
                    fromRequest.add(server.getKey(), last - sent);
                    fromNotify.add(server.getKey(), last - notice);
                }
            }
            System.out.printf(Locale.ROOT, "LIVE-LATENCY %d comments, 3 streams per server, ms (p50 / p95 / max)%n",
                    MEASURED);
            System.out.println("LIVE-LATENCY request sent -> response:    " + requests);
            System.out.println("LIVE-LATENCY request sent -> event read:  " + fromRequest);
            System.out.println("LIVE-LATENCY NOTIFY seen -> event read:   " + fromNotify);
        } finally {
            streams.values().forEach(list -> list.forEach(EventStream::close));
        }
    }

    private static long awaitNotice(Map<String, Long> notified, String eventId) {
        var deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        Long at;
        while ((at = notified.get(eventId)) == null && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
        }
        assertNotNull(at, "the test's LISTEN connection never saw notice " + eventId);
        return at;
    }

    /** Durations per server, summarised as nearest-rank p50, p95 and max in milliseconds. */
    private static final class Samples {
        private final Map<String, List<Long>> byServer = new java.util.TreeMap<>();

        void add(String server, long nanos) {
            byServer.computeIfAbsent(server, s -> new ArrayList<>()).add(nanos);
        }

        @Override
        public String toString() {
            var text = new StringBuilder();
            byServer.forEach((server, values) -> {
                var sorted = values.stream().sorted().toList();
                text.append(String.format(Locale.ROOT, "%s %.1f / %.1f / %.1f   ", server, ms(rank(sorted, 50)),
                        ms(rank(sorted, 95)), ms(sorted.getLast())));
            });
            return text.toString().strip();
        }

        private static long rank(List<Long> sorted, int percentile) {
            return sorted.get(Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
        }

        private static double ms(long nanos) {
            return nanos / 1_000_000.0;
        }
    }

    /** A LISTEN connection of the test's own: when each notice (by event id) reached a client of the database. */
    private static final class TestListener implements AutoCloseable {
        private final Connection connection;
        private final Thread thread;
        private volatile boolean running = true;

        TestListener(Map<String, Long> notified) throws SQLException {
            connection = Db.connectAsApp();
            try (var statement = connection.createStatement()) {
                statement.execute("LISTEN orden_live");
            }
            var pg = connection.unwrap(PGConnection.class);
            thread = Thread.ofPlatform().name("test-listen").start(() -> {
                try {
                    while (running) {
                        var notifications = pg.getNotifications(50);
                        long now = System.nanoTime();
                        if (notifications == null) continue;
                        for (var notification : notifications) {
                            var json = Json.createReader(new StringReader(notification.getParameter())).readObject();
                            notified.put(json.getString("id"), now);
                        }
                    }
                } catch (SQLException e) {
                    if (running) throw new IllegalStateException(e);
                }
            });
        }

        @Override
        public void close() throws Exception {
            running = false;
            thread.join(Duration.ofSeconds(2));
            connection.close();
        }
    }
}
