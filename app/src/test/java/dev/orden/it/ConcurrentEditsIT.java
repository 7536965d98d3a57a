package dev.orden.it;

import static dev.orden.it.WorkOrders.create;
import static dev.orden.it.WorkOrders.get;
import static dev.orden.it.WorkOrders.history;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue #8, reliability: twenty clients edit one order at the same moment, each with If-Match and, on a 409,
 * re-reading and applying its change again, as a careful client does. Nineteen append their
 * own lines to the description (a read-modify-write of one field: the classic lost update) and comment; the
 * twentieth assigns the order and walks it along its workflow. Every change must land exactly once, every refusal
 * must be a 409 problem, and the history must be one unbroken chain of the changes that won.
 */
class ConcurrentEditsIT {

    private static final int CLIENTS = 20;
    private static final int APPENDS_PER_EDITOR = 1;
    private static final Duration BUDGET = Duration.ofSeconds(90);

    static Api dispatcher;
    static Api admin;
    static Api agent;
    static ExecutorService pool;

    @BeforeAll
    static void setUp() {
        dispatcher = Api.as(It.ACME_DISPATCHER);
        admin = Api.as(It.ACME_ADMIN);
        agent = Api.as(It.ACME_AGENT);
        agent.id();
        admin.id();
        dispatcher.id();
        pool = Executors.newFixedThreadPool(CLIENTS);
    }

    @AfterAll
    static void tearDown() {
        pool.shutdownNow();
    }

    /** What the clients saw: successful changes by resulting version, and every 409. */
    private static final class Tally {
        final ConcurrentLinkedQueue<Integer> versions = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Res> conflicts = new ConcurrentLinkedQueue<>();
        final AtomicInteger attempts = new AtomicInteger();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void twentyClientsEditingOneOrderLoseNoUpdateAndLeaveAConsistentHistory() throws Exception {
        var order = create(dispatcher, It.unique("twenty editors"));
        var id = order.getString("id");
        var tally = new Tally();
        var barrier = new CyclicBarrier(CLIENTS);
        long started = System.nanoTime();
        var futures = new ArrayList<Future<?>>();
        for (int c = 0; c < CLIENTS - 1; c++) {
            int client = c;
            var api = client % 2 == 0 ? dispatcher : admin;
            futures.add(pool.submit(() -> edit(api, id, client, barrier, tally)));
        }
        futures.add(pool.submit(() -> walkTheWorkflow(dispatcher, id, barrier, tally)));
        for (var future : futures) future.get(BUDGET.toSeconds(), TimeUnit.SECONDS);
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();

        int editors = CLIENTS - 1;
        int moves = 4;
        int changes = editors * APPENDS_PER_EDITOR + moves;
        var stored = get(dispatcher, id);
        assertEquals(1 + changes, stored.getInt("version"), "one version per successful change");
        var sorted = tally.versions.stream().sorted().toList();
        assertEquals(IntStream.rangeClosed(2, 1 + changes).boxed().toList(), sorted,
                "each successful change got its own next version, none twice, none skipped");

        var lines = Arrays.asList(stored.getString("description").split("\n"));
        var expectedLines = new ArrayList<String>();
        for (int c = 0; c < editors; c++) {
            for (int k = 0; k < APPENDS_PER_EDITOR; k++) expectedLines.add(line(c, k));
        }
        assertEquals(new HashSet<>(expectedLines), new HashSet<>(lines), "every append is in the order");
        assertEquals(expectedLines.size(), lines.size(), "and none twice: " + lines);
        assertEquals("IN_PROGRESS", stored.getString("status"));
        assertEquals(agent.id(), stored.getJsonObject("assignee").getString("id"));

        assertTrue(!tally.conflicts.isEmpty(), "twenty clients at once must collide");
        var types = new java.util.TreeMap<String, Integer>();
        for (var conflict : tally.conflicts) types.merge(conflict.problem(409, null).getString("type"), 1, Integer::sum);

        var events = history(dispatcher, id);
        assertHistoryIsOneChain(events, stored, editors, changes);

        System.out.printf("ConcurrentEditsIT: %d clients, %d changes, %d attempts, %d x 409 %s, %d ms%n",
                CLIENTS, changes, tally.attempts.get(), tally.conflicts.size(), types, millis);
    }

    private static void assertHistoryIsOneChain(List<JsonObject> events, JsonObject stored, int editors,
                                                int changes) {
        assertEquals(events.size(), events.stream().map(e -> e.getString("id")).distinct().count(),
                "no entry twice");
        var descriptions = events.stream().filter(e -> "description".equals(text(e, "field"))).toList();
        assertEquals(editors * APPENDS_PER_EDITOR, descriptions.size(), "one entry per successful append");
        String previous = null;
        for (var event : descriptions) {
            assertEquals(previous, text(event, "from"), "each append starts where the previous one ended: " + event);
            previous = text(event, "to");
        }
        assertEquals(stored.getString("description"), previous);

        var statuses = events.stream().filter(e -> e.getString("kind").equals("STATUS_CHANGED"))
                .map(e -> text(e, "from") + ">" + text(e, "to")).toList();
        assertEquals(List.of("NEW>ASSIGNED", "ASSIGNED>IN_PROGRESS", "IN_PROGRESS>ON_HOLD", "ON_HOLD>IN_PROGRESS"),
                statuses);
        var comments = events.stream().filter(e -> e.getString("kind").equals("COMMENTED"))
                .map(e -> text(e, "comment")).toList();
        assertEquals(editors, comments.size(), comments.toString());
        assertEquals(editors, new HashSet<>(comments).size(), "no comment twice: " + comments);

        var times = events.stream().map(e -> e.getString("at")).toList();
        assertEquals(times.stream().sorted().toList(), times, "history in the order of the changes");
        assertTrue(changes < events.size(), "created, the changes and the comments: " + events.size());
    }

    private static String line(int client, int k) {
        return "client " + client + " change " + k;
    }

    private static String text(JsonObject json, String field) {
        return json.containsKey(field) && !json.isNull(field) ? json.getString(field) : null;
    }

    /** Appends its lines one by one, re-reading and trying again on a 409; comments once between. */
    private static void edit(Api api, String id, int client, CyclicBarrier barrier, Tally tally) {
        await(barrier);
        for (int k = 0; k < APPENDS_PER_EDITOR; k++) {
            var mine = line(client, k);
            untilItLands(api, id, tally, current -> {
                var before = current.containsKey("description") && !current.isNull("description")
                        ? current.getString("description") + "\n" : "";
                return api.patch("/workorders/" + id, Json.createObjectBuilder()
                        .add("description", before + mine).build(), current.getInt("version"));
            });
            if (k == 0) {
                WorkOrders.comment(api, id, "comment of client " + client, "INTERNAL").expect(201);
            }
        }
    }

    /** Assigns the agent, then IN_PROGRESS, ON_HOLD and back, each move with If-Match and retried on a 409. */
    private static void walkTheWorkflow(Api api, String id, CyclicBarrier barrier, Tally tally) {
        await(barrier);
        untilItLands(api, id, tally, current -> api.send("POST", "/workorders/" + id + "/assignment", Api.JSON,
                Json.createObjectBuilder().add("assignee", agent.id()).build().toString(), ifMatch(current)));
        for (var to : List.of("IN_PROGRESS", "ON_HOLD", "IN_PROGRESS")) {
            untilItLands(api, id, tally, current -> api.send("POST", "/workorders/" + id + "/transitions", Api.JSON,
                    Json.createObjectBuilder().add("to", to).add("comment", "to " + to).build().toString(),
                    ifMatch(current)));
        }
    }

    private static Map<String, String> ifMatch(JsonObject current) {
        return Map.of("If-Match", "\"" + current.getInt("version") + "\"");
    }

    /** Reads the order and applies {@code change} to it until that is not a 409; asserts it then succeeded. */
    private static void untilItLands(Api api, String id, Tally tally, Function<JsonObject, Res> change) {
        var deadline = System.nanoTime() + BUDGET.toNanos();
        while (System.nanoTime() < deadline) {
            var current = get(api, id);
            tally.attempts.incrementAndGet();
            var res = change.apply(current);
            if (res.status() == 409) {
                tally.conflicts.add(res);
                WebhookReceiver.sleep(It.randomBetween(0, 40)); // jitter, as a client retrying should
                continue;
            }
            var changed = res.expect(200).json();
            assertEquals(current.getInt("version") + 1, changed.getInt("version"), res.describe());
            assertEquals("\"" + changed.getInt("version") + "\"", res.header("ETag").orElse(null));
            tally.versions.add(changed.getInt("version"));
            return;
        }
        throw new AssertionError("a change of " + api + " never landed within " + BUDGET);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
