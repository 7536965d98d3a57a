package dev.orden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.it.OrderLoad.Outcome;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of one of two Liberty servers on one database while clients create orders through both (issue #8,
 * reliability): the survivor keeps answering 201 without a single error, the killed server's clients move over to it
 * (as a load balancer would send them), and every order either server acknowledged is in the database with its
 * history. Both servers are {@link ExtraServer}s on a {@link TempPostgres}, so the suite's servers are left alone.
 */
class LibertyCrashIT {

    private static final int CLIENTS_PER_SERVER = 2;
    private static final Duration AFTER_KILL = Duration.ofSeconds(5);

    private static TempPostgres db;
    private static ExtraServer survivor;
    private static ExtraServer victim;

    @BeforeAll
    static void startTwoServersOnOneDatabase() {
        db = TempPostgres.start("liberty-crash");
        survivor = ExtraServer.launch("crash-a", db.serverEnv());
        // Seeds nothing: the demo tenants are the first server's to seed (both would race to create them).
        var env = new HashMap<>(db.serverEnv());
        env.put("ORDEN_SEED_DIR", "");
        victim = ExtraServer.launch("crash-b", env);
        survivor.awaitReady();
        victim.awaitReady();
        OrderLoad.warmUp(survivor.baseUrl(), It.ACME_REQUESTER, 5);
        OrderLoad.warmUp(victim.baseUrl(), It.ACME_REQUESTER, 5);
    }

    @AfterAll
    static void stopThem() {
        if (victim != null) victim.close();
        if (survivor != null) survivor.close();
        if (db != null) db.close();
    }

    @Test
    void theSurvivorKeepsServingAndNoAcknowledgedOrderIsLost() {
        var tag = It.unique("liberty-crash");
        var servers = List.of(survivor.baseUrl(), victim.baseUrl());
        long killedAt;
        List<Outcome> outcomes;
        try (var load = OrderLoad.start(tag, It.ACME_REQUESTER, servers, CLIENTS_PER_SERVER, true)) {
            assertTrue(load.awaitOutcomes(o -> o.stream().filter(x -> x.acknowledged()
                            && x.server().equals(victim.baseUrl())).count() >= 10, Duration.ofSeconds(60)),
                    "no steady load on both servers: " + OrderLoad.countByKind(load.outcomes()));
            killedAt = System.nanoTime();
            victim.kill();
            LockSupport.parkNanos(AFTER_KILL.toNanos());
            outcomes = load.stop();
        }
        var onSurvivor = outcomes.stream().filter(o -> o.server().equals(survivor.baseUrl())).toList();
        var onVictim = outcomes.stream().filter(o -> o.server().equals(victim.baseUrl())).toList();
        var survivorAfterKill = onSurvivor.stream().filter(o -> o.startNanos() > killedAt).toList();
        var acked = outcomes.stream().filter(Outcome::acknowledged).toList();
        var lost = OrderLoad.notDurable(db, acked);
        var stored = OrderLoad.stored(db, tag);
        var movedOver = survivorAfterKill.stream().map(Outcome::client).distinct().count();

        System.out.printf("LibertyCrashIT: %d clients on each of 2 servers, %d requests, %d acknowledged (201)"
                        + " orders (%d by the killed server), %d stored; survivor's answers %s (%d after the kill,"
                        + " slowest %d ms, median %d ms); killed server's %s; clients on the survivor after the kill:"
                        + " %d; acknowledged orders missing: %d%n",
                CLIENTS_PER_SERVER, outcomes.size(), acked.size(),
                onVictim.stream().filter(Outcome::acknowledged).count(), stored, OrderLoad.countByKind(onSurvivor),
                survivorAfterKill.size(), OrderLoad.slowest(survivorAfterKill).toMillis(),
                OrderLoad.median(survivorAfterKill).toMillis(),
                OrderLoad.countByKind(onVictim), movedOver, lost.size());

        assertEquals(List.of(), lost, "acknowledged orders lost or without their CREATED history");
        assertTrue(stored >= acked.size(), "fewer stored than acknowledged");
        assertTrue(onSurvivor.stream().allMatch(Outcome::acknowledged),
                "the survivor failed requests: " + OrderLoad.countByKind(onSurvivor));
        assertTrue(survivorAfterKill.stream().allMatch(o -> o.took().compareTo(OrderLoad.HANG) <= 0),
                "the survivor was slow after the kill: " + OrderLoad.slowest(survivorAfterKill));
        assertTrue(survivorAfterKill.size() >= 10, "the survivor hardly served after the kill: "
                + survivorAfterKill.size());
        assertEquals(2L * CLIENTS_PER_SERVER, movedOver, "the killed server's clients did not move over");
        assertTrue(onVictim.stream().filter(o -> o.endNanos() < killedAt).allMatch(Outcome::acknowledged),
                "the killed server failed before the kill: " + OrderLoad.countByKind(onVictim));
        assertFalse(victim.alive(), "the killed server runs");
        assertEquals(200, survivor.readiness(), "the survivor's readiness");
    }
}
