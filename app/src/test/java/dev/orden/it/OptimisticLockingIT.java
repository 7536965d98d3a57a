package dev.orden.it;

import static dev.orden.it.WorkOrders.create;
import static dev.orden.it.WorkOrders.get;
import static dev.orden.it.WorkOrders.history;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Changes name the version they are based on: missing is 428, stale is 409, and no update is ever lost. */
class OptimisticLockingIT {

    static Api dispatcher;
    static Api agent;
    static ExecutorService pool;

    @BeforeAll
    static void setUp() {
        dispatcher = Api.as(It.ACME_DISPATCHER);
        agent = Api.as(It.ACME_AGENT);
        agent.id();
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void tearDown() {
        pool.shutdownNow();
    }

    @Test
    void aStaleIfMatchIs409AndLeavesTheOrderUnchanged() {
        var order = create(dispatcher, It.unique("stale"));
        var ref = "/workorders/" + order.getString("id");
        var v2 = dispatcher.patch(ref, Json.createObjectBuilder().add("area", "norte").build(), 1).expect(200);
        assertEquals("\"2\"", v2.header("ETag").orElse(null));

        dispatcher.patch(ref, Json.createObjectBuilder().add("title", "lost?").build(), 1)
                .problem(409, "stale-version");
        dispatcher.patch(ref, Json.createObjectBuilder().add("title", "lost?").add("version", 1).build(),
                (String) null).problem(409, "stale-version");
        dispatcher.patch(ref, Json.createObjectBuilder().add("title", "future?").build(), 7)
                .problem(409, "stale-version");

        var stored = get(dispatcher, order.getString("id"));
        assertEquals(order.getString("title"), stored.getString("title"));
        assertEquals("norte", stored.getString("area"));
        assertEquals(2, stored.getInt("version"));
        assertEquals(2, history(dispatcher, order.getString("id")).size(), "CREATED and one UPDATED only");
    }

    @Test
    void aPatchWithoutAVersionIs428() {
        var order = create(dispatcher, It.unique("no-version"));
        var ref = "/workorders/" + order.getString("id");
        dispatcher.patch(ref, Json.createObjectBuilder().add("title", "x").build(), (String) null)
                .problem(428, "precondition-required");
        dispatcher.send("PATCH", ref, Api.JSON, Json.createObjectBuilder().add("title", "y").build().toString(),
                Map.of()).problem(428, "precondition-required");
        var stored = get(dispatcher, order.getString("id"));
        assertEquals(order.getString("title"), stored.getString("title"));
        assertEquals(1, stored.getInt("version"));
    }

    @Test
    void theVersionMayComeInTheBodyOrAsAWeakOrStrongETag() {
        var order = create(dispatcher, It.unique("versions"));
        var ref = "/workorders/" + order.getString("id");
        var byBody = dispatcher.send("PATCH", ref, Api.JSON,
                Json.createObjectBuilder().add("area", "a").add("version", 1).build().toString(), Map.of())
                .expect(200).json();
        assertEquals(2, byBody.getInt("version"));
        var weak = dispatcher.patch(ref, Json.createObjectBuilder().add("area", "b").build(), "W/\"2\"")
                .expect(200).json();
        assertEquals(3, weak.getInt("version"));
        assertEquals(Set.of("If-Match"), dispatcher.patch(ref, Json.createObjectBuilder().add("area", "c").build(),
                "\"three\"").invalidFields());
    }

    @Test
    void staleTransitionsAndAssignmentsAre409Too() {
        var order = create(dispatcher, It.unique("stale-moves"));
        var ref = "/workorders/" + order.getString("id");
        dispatcher.patch(ref, Json.createObjectBuilder().add("area", "x").build(), 1).expect(200);
        dispatcher.post(ref + "/assignment", Json.createObjectBuilder().add("assignee", agent.id())
                .add("version", 1).build()).problem(409, "stale-version");
        dispatcher.send("POST", ref + "/assignment", Api.JSON, Json.createObjectBuilder().add("assignee", agent.id())
                .build().toString(), Map.of("If-Match", "\"1\"")).problem(409, "stale-version");
        assertEquals("NEW", get(dispatcher, order.getString("id")).getString("status"));
        dispatcher.post(ref + "/assignment", Json.createObjectBuilder().add("assignee", agent.id())
                .add("version", 2).build()).expect(200);
        dispatcher.post(ref + "/transitions", Json.createObjectBuilder().add("to", "CANCELLED").add("version", 2)
                .build()).problem(409, "stale-version");
        assertEquals("ASSIGNED", get(dispatcher, order.getString("id")).getString("status"));
    }

    /**
     * Two editors read version n and save at the same moment, each changing a different field: one wins, the
     * other is told its copy is stale, and the winner's change is the only one stored - in the order and in its
     * history. Repeated, since either request may reach the database first.
     */
    @Test
    void concurrentPatchesOfTheSameVersionLetExactlyOneWin() throws Exception {
        var order = create(dispatcher, It.unique("race"));
        var id = order.getString("id");
        int rounds = 6;
        var winners = new ArrayList<String>();
        for (int round = 0; round < rounds; round++) {
            var current = get(dispatcher, id);
            int version = current.getInt("version");
            var barrier = new CyclicBarrier(2);
            var titleChange = "title " + round;
            var areaChange = "area " + round;
            var byDispatcher = CompletableFuture.supplyAsync(() -> await(barrier, () -> dispatcher.patch(
                    "/workorders/" + id, Json.createObjectBuilder().add("title", titleChange).build(), version)),
                    pool);
            var byAgent = CompletableFuture.supplyAsync(() -> await(barrier, () -> agent.patch(
                    "/workorders/" + id, Json.createObjectBuilder().add("area", areaChange).build(), version)),
                    pool);
            var a = byDispatcher.get();
            var b = byAgent.get();
            var statuses = List.of(a.status(), b.status());
            assertTrue(statuses.contains(200) && statuses.contains(409),
                    "round " + round + ": " + a.describe() + " / " + b.describe());
            var loser = a.status() == 409 ? a : b;
            loser.problem(409, "stale-version");

            var stored = get(dispatcher, id);
            assertEquals(version + 1, stored.getInt("version"), "exactly one change per round");
            if (a.status() == 200) {
                winners.add("title");
                assertEquals(titleChange, stored.getString("title"));
                assertEquals(current.getOrDefault("area", null), stored.getOrDefault("area", null));
            } else {
                winners.add("area");
                assertEquals(areaChange, stored.getString("area"));
                assertEquals(current.getString("title"), stored.getString("title"));
            }
            assertEquals(a.status() == 200 ? a.json().getInt("version") : b.json().getInt("version"),
                    stored.getInt("version"));
        }
        var updates = history(dispatcher, id).stream().filter(e -> e.getString("kind").equals("UPDATED"))
                .map(e -> e.getString("field")).toList();
        assertEquals(winners, updates, "history records the winners' changes only");
        assertEquals(1 + rounds, get(dispatcher, id).getInt("version"));
    }

    /** Orders created at the same moment in one tenant still get distinct numbers, and none fails. */
    @Test
    void concurrentCreatesGetDistinctNumbers() throws Exception {
        var marker = It.unique("numbers");
        var creators = List.of(dispatcher, agent, Api.as(It.ACME_REQUESTER), Api.as(It.ACME_ADMIN));
        creators.forEach(Api::id);
        var many = Executors.newFixedThreadPool(4);
        try {
            var barrier = new CyclicBarrier(4);
            var futures = new ArrayList<CompletableFuture<List<Res>>>();
            for (var creator : creators) {
                futures.add(CompletableFuture.supplyAsync(() -> {
                    var results = new ArrayList<Res>();
                    for (int i = 0; i < 4; i++) {
                        int n = i;
                        results.add(await(barrier, () -> creator.post("/workorders",
                                WorkOrders.order(marker + " " + creator + " " + n).build())));
                    }
                    return results;
                }, many));
            }
            var numbers = new ArrayList<Long>();
            for (var future : futures) {
                for (var res : future.get()) numbers.add(res.expect(201).json().getJsonNumber("sequence").longValue());
            }
            assertEquals(16, numbers.size());
            assertEquals(16, new java.util.HashSet<>(numbers).size(), "duplicate numbers: " + numbers);
            assertEquals(16, WorkOrders.listAll(dispatcher, "q=" + marker).size());
        } finally {
            many.shutdownNow();
        }
    }

    private interface Call {
        Res run();
    }

    private static Res await(CyclicBarrier barrier, Call call) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return call.run();
    }
}
