package dev.orden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.schedule.ClaimedJob;
import dev.orden.schedule.JobClaims;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scheduler's claim (claim_scheduled_jobs, V9) as several servers make it: plain JDBC connections of the
 * application's role racing on the same due jobs of two tenants. Each test uses a job kind of its own, which the
 * test server's own poller never claims (it claims only kinds it has handlers for).
 */
class SchedulerClaimIT {

    private static final Duration LEASE = Duration.ofMinutes(5);

    private final Map<String, UUID> tenants = Db.tenantIds();
    private final UUID acme = tenants.get("acme");
    private final UUID globex = tenants.get("globex");
    private String kind;

    @BeforeEach
    void aKindOfItsOwn() {
        kind = It.unique("test.claim");
    }

    @AfterEach
    void removeTheJobs() {
        for (var tenant : List.of(acme, globex)) Db.updateAs(tenant, "DELETE FROM scheduled_job WHERE kind = ?", kind);
    }

    private void insertDue(UUID tenant, int count, String dueIn) {
        for (int i = 0; i < count; i++) {
            Db.updateAs(tenant, "INSERT INTO scheduled_job (tenant_id, id, kind, key, due_at)"
                    + " VALUES (?, ?, ?, ?, now() + ?::interval)", tenant, UUID.randomUUID(), kind, "job-" + i, dueIn);
        }
    }

    private List<ClaimedJob> claim(Set<String> kinds, int batch) {
        try (var connection = Db.connectAsApp()) {
            return JobClaims.claim(connection, kinds, batch, LEASE);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code servers} threads, each on its own connection, claiming small batches until nothing is due. */
    private List<ClaimedJob> race(int servers) throws Exception {
        var claimed = new ConcurrentLinkedQueue<ClaimedJob>();
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(servers)) {
            var futures = new ArrayList<Future<?>>();
            for (int s = 0; s < servers; s++) {
                futures.add(pool.submit(() -> {
                    try (var connection = Db.connectAsApp()) {
                        start.await();
                        List<ClaimedJob> batch;
                        do {
                            batch = JobClaims.claim(connection, Set.of(kind), 3, LEASE);
                            claimed.addAll(batch);
                        } while (!batch.isEmpty());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var future : futures) future.get();
        }
        // A racer stops at its first empty batch, which SKIP LOCKED may give while another racer's claim still holds
        // the last rows: a final sweep takes whatever is left, so "claimed once" is checked over every job.
        claimed.addAll(claim(Set.of(kind), 100));
        return List.copyOf(claimed);
    }

    private static Set<UUID> ids(List<ClaimedJob> jobs) {
        return jobs.stream().map(ClaimedJob::id).collect(Collectors.toSet());
    }

    @Test
    void serversRacingForTheSameDueJobsNeverClaimOneTwice() throws Exception {
        insertDue(acme, 40, "-1 minute");
        insertDue(globex, 40, "-1 minute");

        var claimed = race(6);
        assertEquals(80, claimed.size(), "each due job claimed once, no more");
        assertEquals(80, ids(claimed).size(), "no job claimed twice");
        assertEquals(Set.of(acme, globex), claimed.stream().map(ClaimedJob::tenantId).collect(Collectors.toSet()),
                "one poller claims every tenant's jobs");
        assertEquals(80, claimed.stream().map(ClaimedJob::leaseToken).collect(Collectors.toSet()).size());
        assertEquals(List.of(), claim(Set.of(kind), 100), "a job under a running lease is nobody else's");
        assertEquals(40, Db.countAs(acme, "SELECT count(*) FROM scheduled_job WHERE kind = ? AND attempts = 1"
                + " AND locked_until > now() AND lease_token IS NOT NULL", kind));
    }

    @Test
    void aJobWhoseLeaseRanOutIsClaimedAgainOnceWithANewToken() throws Exception {
        insertDue(acme, 10, "-1 minute");
        var first = claim(Set.of(kind), 100);
        assertEquals(10, first.size());
        // The server that claimed them died: their leases run out.
        Db.updateAs(acme, "UPDATE scheduled_job SET locked_until = now() - interval '1 second' WHERE kind = ?", kind);

        var again = race(4);
        assertEquals(ids(first), ids(again), "every job taken over, each by one server");
        assertEquals(10, again.size());
        var oldTokens = first.stream().map(ClaimedJob::leaseToken).collect(Collectors.toSet());
        assertTrue(again.stream().noneMatch(job -> oldTokens.contains(job.leaseToken())),
                "the dead server's tokens fence it off");
        assertEquals(10, Db.countAs(acme, "SELECT count(*) FROM scheduled_job WHERE kind = ? AND attempts = 2", kind));
    }

    @Test
    void onlyDueScheduledJobsOfTheAskedKindsAreClaimed() {
        insertDue(acme, 2, "-1 minute");
        insertDue(globex, 1, "1 hour");
        var otherKind = It.unique("test.other");
        Db.updateAs(acme, "INSERT INTO scheduled_job (tenant_id, id, kind, key, due_at)"
                + " VALUES (?, ?, ?, 'x', now() - interval '1 minute')", acme, UUID.randomUUID(), otherKind);
        try {
            Db.updateAs(acme, "UPDATE scheduled_job SET status = 'FAILED' WHERE kind = ? AND key = 'job-1'", kind);
            var claimed = claim(Set.of(kind), 100);
            assertEquals(1, claimed.size(), "not the failed job, the future one or the other kind: " + claimed);
            assertEquals(acme, claimed.getFirst().tenantId());
            assertEquals(List.of(), claim(Set.of(), 100));
        } finally {
            Db.updateAs(acme, "DELETE FROM scheduled_job WHERE kind = ?", otherKind);
        }
    }

    @Test
    void theApplicationRoleSeesAndChangesOnlyItsTenantsJobsWhateverItSets() throws Exception {
        insertDue(acme, 1, "1 hour");
        var acmeJob = (UUID) Db.rowsAs(acme, "SELECT id FROM scheduled_job WHERE kind = ?", kind).getFirst().getFirst();
        assertEquals(0, Db.count("SELECT count(*) FROM scheduled_job WHERE kind = ?", kind), "no tenant, no rows");
        assertEquals(0, Db.countAs(globex, "SELECT count(*) FROM scheduled_job WHERE id = ?", acmeJob));
        assertEquals(0, Db.updateAs(globex, "UPDATE scheduled_job SET due_at = now() WHERE id = ?", acmeJob));
        assertEquals(0, Db.updateAs(globex, "DELETE FROM scheduled_job WHERE id = ?", acmeJob));
        try (var connection = Db.connectAsApp(); var statement = connection.createStatement()) {
            // The claim function's own policy is the schema owner's: setting its switch opens nothing to this role.
            statement.execute("SET app.scheduler_claim = 'on'");
            try (var rows = statement.executeQuery("SELECT count(*) FROM scheduled_job")) {
                rows.next();
                assertEquals(0, rows.getLong(1));
            }
        }
        assertEquals(1, Db.countAs(acme, "SELECT count(*) FROM scheduled_job WHERE id = ?", acmeJob));
    }
}
