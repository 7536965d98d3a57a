package dev.orden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exactly once with two schedulers: orden-it and its replica both run SLA timers (the replica only those) on one
 * database. Fifty orders' first-response breach jobs are made due at the same instant; every breach must be
 * recorded once, its {@code sla.breached} rule (a comment) fire once per order, and both servers must have
 * recorded some ({@code first_response_breached_on} names the server).
 */
class SlaJobsAcrossServersIT {

    private static final int ORDERS = 50;
    private static final String PASSWORD = "sla-two-servers";
    private static final String NOTE = """
            function rule(input) {
              return [{type: 'comment', body: 'breached: ' + input.change.target, visibility: 'internal'}];
            }""";

    static String slug;
    static String email;
    static UUID tenant;
    static Api admin;

    @BeforeAll
    static void aTenantWithATimedTypeAndABreachRule() {
        assumeTrue(It.REPLICA_URL != null, "no replica server (orden.it.replicaUrl)");
        slug = It.unique("slax");
        email = slug + "-admin@sla.test";
        Api.anonymous(Http.fromLoopback(It.randomBetween(2, 249), It.randomBetween(1, 254)))
                .post("/signup", Json.createObjectBuilder().add("company", "SLA x2 " + slug).add("slug", slug)
                        .add("adminEmail", email).add("adminName", "Two Clocks").add("password", PASSWORD).build())
                .expect(201);
        tenant = Db.tenantIds().get(slug);
        admin = Api.as(email, PASSWORD);
        var bundle = Configs.active(admin).getJsonObject("bundle");
        var sla = Json.createArrayBuilder().add(Json.createObjectBuilder().add("key", "always").add("zone", "UTC")
                .add("targets", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "general")
                        .add("firstResponse", "PT1H").add("resolution", "PT4H"))));
        var rules = Json.createArrayBuilder().add(Json.createObjectBuilder().add("key", "note").add("name", "Note")
                .add("events", Json.createArrayBuilder().add("sla.breached")).add("source", NOTE));
        Configs.publish(admin, Json.createObjectBuilder(bundle).add("sla", sla).add("rules", rules).build());
    }

    @AfterAll
    static void removeWhatKeycloakKeeps() {
        if (slug == null) return;
        KcAdmin.forgetTenant(slug, java.util.List.of(email));
    }

    /**
     * So that one server cannot work the whole burst off before the other's next poll, the test holds the orders'
     * clocks locked while the jobs fall due: the first server's slots fill with jobs waiting on those locks, the other
     * server's poll finds the rest; then the locks go and both finish what they claimed.
     */
    @Test
    void fiftyBreachesDueAtOnceAreEachRecordedAndActedOnOnceByEitherServer() throws Exception {
        burst(1);
        assertEquals(2, Db.countAs(tenant, "SELECT count(DISTINCT first_response_breached_on) FROM work_order_sla"),
                "both servers took some of the jobs: " + Db.rowsAs(tenant,
                        "SELECT first_response_breached_on, count(*) FROM work_order_sla GROUP BY 1"));
    }

    private void burst(int n) throws Exception {
        var ids = new ArrayList<UUID>();
        for (int i = 0; i < ORDERS; i++) {
            var base = i % 2 == 0 ? It.BASE_URL : It.REPLICA_URL;
            ids.add(UUID.fromString(admin.post(base + "/api/v1/workorders", Json.createObjectBuilder()
                    .add("title", "timed " + n + "." + i).build()).expect(201).json().getString("id")));
        }
        long start;
        try (var clocks = Db.connectAsApp()) {
            clocks.setAutoCommit(false);
            Db.bind(clocks, tenant);
            try (var lock = clocks.prepareStatement("SELECT 1 FROM work_order_sla FOR UPDATE")) {
                lock.executeQuery().close();
            }
            assertEquals(ORDERS, Db.updateAs(tenant, "UPDATE scheduled_job SET due_at = now()"
                    + " WHERE kind = 'sla' AND key LIKE '%/firstResponse/breach'"));
            // A server runs at most batch-size (8) jobs at once, and these wait on the locks: more than 8 claimed
            // means both servers claimed. Both poll every second (server.env).
            awaitAtLeast("more jobs claimed than one server can hold", () -> Db.countAs(tenant,
                    "SELECT count(*) FROM scheduled_job WHERE key LIKE '%/firstResponse/breach'"
                            + " AND locked_until > now()"), 9);
            // Both have polled again meanwhile, slots full: neither may hold more jobs than its slots.
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(2500).toNanos());
            assertTrue(Db.countAs(tenant, "SELECT count(*) FROM scheduled_job WHERE key LIKE '%/firstResponse/breach'"
                    + " AND locked_until > now()") <= 16, "no more jobs claimed than both servers' slots (2 x 8)");
            start = System.nanoTime();
            clocks.rollback();
        }
        long total = (long) ORDERS * n;
        await("every breach recorded", () -> Db.countAs(tenant,
                "SELECT count(*) FROM work_order_sla WHERE first_response_breached_at IS NOT NULL"), total);
        var seconds = (System.nanoTime() - start) / 1e9;
        await("every breach job settled", () -> Db.countAs(tenant,
                "SELECT count(*) FROM scheduled_job WHERE key LIKE '%/firstResponse/breach'"), 0);
        System.out.printf("SLA breach jobs across two servers: %d in %.2f s (%.1f jobs/s, incl. polling)%n", ORDERS,
                seconds, ORDERS / seconds);

        assertEquals(total, Db.countAs(tenant, "SELECT count(*) FROM work_order_event WHERE kind = 'SLA_BREACHED'"),
                "one breach entry per order");
        assertEquals(total, Db.countAs(tenant, "SELECT count(DISTINCT work_order_id) FROM work_order_event"
                + " WHERE kind = 'SLA_BREACHED'"));
        assertEquals(total, Db.countAs(tenant, "SELECT count(*) FROM work_order_comment WHERE author_id = 'rule:note'"
                + " AND body = 'breached: firstResponse'"), "the rule fired once per order");
        assertEquals(total, Db.countAs(tenant, "SELECT count(DISTINCT work_order_id) FROM work_order_comment"
                + " WHERE author_id = 'rule:note'"));
        assertTrue(ids.stream().allMatch(id -> Db.countAs(tenant, "SELECT count(*) FROM work_order_sla"
                + " WHERE work_order_id = ? AND first_response_breached_at IS NOT NULL", id) == 1));
    }

    private static void awaitAtLeast(String what, LongSupplier count, long least) {
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long seen;
        while ((seen = count.getAsLong()) < least) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within 60 s: " + what + " (" + seen + ")");
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    private static void await(String what, LongSupplier count, long expected) {
        var deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        long seen;
        while ((seen = count.getAsLong()) != expected) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within 120 s: " + what + " (" + seen + ")");
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
    }
}
