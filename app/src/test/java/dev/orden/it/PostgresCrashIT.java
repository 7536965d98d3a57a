package dev.orden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.it.OrderLoad.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of PostgreSQL under a steady load of order creation, then a restart (issue #8, reliability): no order
 * that got a 201 is lost, every request during the outage is answered within 5 s with a 503 problem and
 * Retry-After, readiness goes down and up again, and creation works again without restarting Liberty. The shared
 * PostgreSQL is never touched: the server under test is an {@link ExtraServer} on a {@link TempPostgres}.
 * The figures are printed (docs/reliability.md).
 */
class PostgresCrashIT {

    private static final int CLIENTS = 4;
    private static final Duration OUTAGE = Duration.ofSeconds(6);
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(30);

    private static TempPostgres db;
    private static ExtraServer server;

    @BeforeAll
    static void startServerOnOwnPostgres() {
        db = TempPostgres.start("pg-crash");
        server = ExtraServer.start("pg-crash", db.serverEnv());
        OrderLoad.warmUp(server.baseUrl(), It.ACME_REQUESTER, 5);
    }

    @AfterAll
    static void stopThem() {
        if (server != null) server.close();
        if (db != null) db.close();
    }

    @Test
    void acknowledgedOrdersSurviveAndTheOutageIsA503ThatEndsByItself() {
        var tag = It.unique("pg-crash");
        long killedAt;
        long restartedAt;
        long upAt;
        int readyDuringOutage;
        List<Outcome> outcomes;
        try (var load = OrderLoad.start(tag, It.ACME_REQUESTER, List.of(server.baseUrl()), CLIENTS, false)) {
            assertTrue(load.awaitOutcomes(o -> acknowledged(o) >= 20, Duration.ofSeconds(60)),
                    "no steady load before the kill: " + OrderLoad.countByKind(load.outcomes()));

            killedAt = System.nanoTime();
            db.kill();
            pause(OUTAGE.dividedBy(2));
            readyDuringOutage = server.readiness();
            pause(OUTAGE.dividedBy(2));

            restartedAt = System.nanoTime();
            db.restart();
            upAt = System.nanoTime();
            assertTrue(load.awaitOutcomes(o -> o.stream().anyMatch(x -> x.acknowledged() && x.startNanos() > upAt),
                    RECOVERY_BOUND), "no order created within " + RECOVERY_BOUND + " of PostgreSQL's restart: "
                    + OrderLoad.countByKind(load.outcomes()));
            var recovered = firstAcknowledgedAfter(load.outcomes(), upAt);
            load.awaitOutcomes(o -> o.stream().filter(x -> x.startNanos() > recovered + secs(1)).count() >= 40,
                    Duration.ofSeconds(30));
            outcomes = load.stop();
        }
        var recoveredAt = firstAcknowledgedAfter(outcomes, upAt);
        var before = outcomes.stream().filter(o -> o.endNanos() < killedAt).toList();
        var outage = outcomes.stream().filter(o -> o.overlaps(killedAt, upAt)).toList();
        var after = outcomes.stream().filter(o -> o.startNanos() > recoveredAt + secs(1)).toList();
        var acked = outcomes.stream().filter(Outcome::acknowledged).toList();
        var lost = OrderLoad.notDurable(db, acked);
        var stored = OrderLoad.stored(db, tag);

        System.out.printf("PostgresCrashIT: %d clients, %d requests, %d acknowledged (201) orders, %d stored;"
                        + " answers by kind %s; slowest before the kill %d ms; during the outage %s, slowest %d ms,"
                        + " median %d ms; outage (kill to PostgreSQL"
                        + " accepting again) %d ms, of which restart and crash recovery %d ms; first 201 %d ms after"
                        + " PostgreSQL was back; readiness during the outage %d; acknowledged orders missing: %d%n",
                CLIENTS, outcomes.size(), acked.size(), stored, OrderLoad.countByKind(outcomes),
                OrderLoad.slowest(before).toMillis(), OrderLoad.countByKind(outage),
                OrderLoad.slowest(outage).toMillis(), OrderLoad.median(outage).toMillis(), ms(upAt - killedAt),
                ms(upAt - restartedAt), ms(recoveredAt - upAt), readyDuringOutage, lost.size());

        assertEquals(List.of(), lost, "acknowledged orders lost or without their CREATED history");
        assertTrue(stored >= acked.size(), "fewer stored than acknowledged");
        assertTrue(before.stream().allMatch(Outcome::acknowledged), "errors before the kill: "
                + OrderLoad.countByKind(before));
        for (var o : outcomes) {
            assertTrue(o.took().compareTo(OrderLoad.HANG) <= 0, "a request hung for " + o.took() + ": " + o);
            assertTrue(o.acknowledged() || unavailableProblem(o), "neither 201 nor a 503 problem: " + o);
        }
        var duringOutage = outcomes.stream().filter(o -> o.startNanos() > killedAt && o.endNanos() < restartedAt)
                .toList();
        assertTrue(duringOutage.size() >= CLIENTS, "too few requests during the outage: " + duringOutage.size());
        assertTrue(duringOutage.stream().allMatch(PostgresCrashIT::unavailableProblem), "not all 503 during outage");
        assertEquals(503, readyDuringOutage, "readiness while PostgreSQL is down");
        assertTrue(after.size() >= CLIENTS && after.stream().allMatch(Outcome::acknowledged),
                "creation has not recovered: " + OrderLoad.countByKind(after));
        assertEquals(200, awaitReadiness(200, RECOVERY_BOUND), "readiness after PostgreSQL is back");
    }

    private static boolean unavailableProblem(Outcome o) {
        return o.status() == 503 && o.contentType().startsWith("application/problem+json")
                && "unavailable".equals(o.problemType()) && o.retryAfter() != null
                && o.retryAfter().matches("\\d+");
    }

    private static long acknowledged(List<Outcome> outcomes) {
        return outcomes.stream().filter(Outcome::acknowledged).count();
    }

    private static long firstAcknowledgedAfter(List<Outcome> outcomes, long nanos) {
        return outcomes.stream().filter(o -> o.acknowledged() && o.startNanos() > nanos)
                .mapToLong(Outcome::endNanos).min().orElseThrow();
    }

    private static int awaitReadiness(int status, Duration timeout) {
        var deadline = System.nanoTime() + timeout.toNanos();
        int last = server.readiness();
        while (last != status && System.nanoTime() < deadline) {
            pause(Duration.ofMillis(250));
            last = server.readiness();
        }
        return last;
    }

    private static void pause(Duration duration) {
        LockSupport.parkNanos(duration.toNanos());
    }

    private static long secs(long seconds) {
        return Duration.ofSeconds(seconds).toNanos();
    }

    private static long ms(long nanos) {
        return Duration.ofNanos(nanos).toMillis();
    }
}
