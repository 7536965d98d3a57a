package dev.orden.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orden.InContainerDeployment;
import dev.orden.Transactions;
import dev.orden.shared.persistence.TenantEntityManager;
import dev.orden.tenant.Tenant;
import dev.orden.tenant.TestTenants;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.UserTransaction;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The scheduler's worker inside the server, with a job kind of the test's own ({@link StepJobs}, which the
 * application's poller never claims): retries after a backoff, giving up, a job resumed after its last committed
 * step, a claimer whose lease ran out fenced off, and every run done as the job's tenant.
 */
@ExtendWith(ArquillianExtension.class)
class JobWorkerInContainerIT {

    @Deployment
    static WebArchive deployment() {
        return InContainerDeployment.create(JobWorkerInContainerIT.class, StepJobs.class);
    }

    @Inject
    Jobs jobs;

    @Inject
    JobClaims claims;

    @Inject
    JobWorker worker;

    @Inject
    StepJobs steps;

    @Inject
    TestTenants tenants;

    @Inject
    TenantEntityManager tenantEm;

    @Inject
    UserTransaction tx;

    private Tenant tenant;

    @BeforeEach
    void aTenantOfItsOwn() {
        tenant = tenants.create("jobs");
    }

    /** A row of the job as stored: due_at, attempts, status, last_error, progress, lease_token. */
    private record Row(Instant dueAt, int attempts, String status, String lastError, String progress, Object lease) {}

    private void schedule(String key, JsonObject payload) throws Exception {
        Transactions.committed(tx, () -> {
            tenantEm.bind(tenant.id());
            jobs.schedule(StepJobs.KIND, key, key, payload, Instant.now().minusSeconds(1));
            return null;
        });
    }

    private List<ClaimedJob> claim() {
        return claims.claim(Set.of(StepJobs.KIND), 10, Duration.ofMinutes(1)).stream()
                .filter(job -> job.tenantId().equals(tenant.id())).toList();
    }

    private int claimAndRun() {
        var claimed = claim();
        claimed.forEach(worker::run);
        return claimed.size();
    }

    private int sql(String sql, String key) throws Exception {
        return Transactions.committed(tx, () -> tenantEm.bind(tenant.id()).createNativeQuery(sql)
                .setParameter(1, key).executeUpdate());
    }

    private void makeDue(String key) throws Exception {
        sql("UPDATE scheduled_job SET due_at = now() - interval '1 second' WHERE key = ?1", key);
    }

    private Row row(String key) throws Exception {
        return Transactions.rolledBack(tx, () -> {
            var rows = tenantEm.bind(tenant.id()).createNativeQuery("SELECT due_at, attempts, status, last_error,"
                    + " progress::text, lease_token FROM scheduled_job WHERE key = ?1").setParameter(1, key)
                    .getResultList();
            if (rows.isEmpty()) return null;
            var r = (Object[]) rows.getFirst();
            return new Row(((Timestamp) r[0]).toInstant(), ((Number) r[1]).intValue(), (String) r[2], (String) r[3],
                    (String) r[4], r[5]);
        });
    }

    private static void assertAbout(Instant expected, Instant actual) {
        assertTrue(Duration.between(expected, actual).abs().compareTo(Duration.ofSeconds(5)) < 0,
                "expected about " + expected + ", was " + actual);
    }

    @Test
    void aFailedJobIsTriedAgainAfterADoublingBackoffThenDoneAndRemoved() throws Exception {
        schedule("flaky", Json.createObjectBuilder().add("failAttempts", 2).build());

        assertEquals(1, claimAndRun());
        var first = row("flaky");
        assertEquals(1, first.attempts());
        assertAbout(Instant.now().plusSeconds(30), first.dueAt());
        assertTrue(first.lastError().contains("attempt 1 fails"), first.lastError());
        assertNull(first.lease(), "the claim is released for the retry");
        assertEquals(0, claimAndRun(), "not due again before its backoff");

        makeDue("flaky");
        assertEquals(1, claimAndRun());
        assertAbout(Instant.now().plusSeconds(60), row("flaky").dueAt());

        makeDue("flaky");
        assertEquals(1, claimAndRun());
        assertNull(row("flaky"), "a one-off job done is removed");
        assertEquals(List.of("flaky:1"), steps.committed("flaky"));
        assertEquals(3, steps.runsAs(tenant.id()), "every run as the job's tenant");
    }

    @Test
    void aJobPickedUpAgainGoesOnAfterItsLastCommittedStepAndDoesEachStepOnce() throws Exception {
        schedule("long", Json.createObjectBuilder().add("steps", 5).add("failAt", 3).build());

        assertEquals(1, claimAndRun());
        assertEquals("{\"step\": 2}", row("long").progress(), "step 3 rolled back with its checkpoint");
        makeDue("long");
        assertEquals(1, claimAndRun());
        assertEquals(List.of("long:1", "long:2", "long:3", "long:4", "long:5"),
                steps.committed("long"));
        assertNull(row("long"));
    }

    @Test
    void aClaimerWhoseLeaseRanOutNeitherRunsNorCheckpointsNorSettlesTheJob() throws Exception {
        schedule("taken", Json.createObjectBuilder().add("steps", 2).build());
        var dead = claim().getFirst();
        sql("UPDATE scheduled_job SET locked_until = now() - interval '1 second' WHERE key = ?1", "taken");
        var alive = claim().getFirst();
        assertEquals(dead.id(), alive.id());

        worker.run(dead);
        assertEquals(List.of(), steps.committed("taken"));
        var stale = new Job(tenant.id(), dead.id(), StepJobs.KIND, "taken", "taken", Json.createObjectBuilder().build(),
                Instant.now(), 1, dead.leaseToken(), null);
        assertThrows(LeaseLost.class, () -> Transactions.committed(tx, () -> {
            jobs.checkpoint(stale, Json.createObjectBuilder().add("step", 9).build());
            return null;
        }));
        assertEquals(2, row("taken").attempts());

        worker.run(alive);
        assertEquals(List.of("taken:1", "taken:2"), steps.committed("taken"));
        assertNull(row("taken"));
    }

    @Test
    void aJobFailingTooOftenIsGivenUpOnOrForARecurringOneMovedToItsNextTime() throws Exception {
        schedule("doomed", Json.createObjectBuilder().add("failAttempts", 99).build());
        schedule("daily", Json.createObjectBuilder().add("failAttempts", 99).add("recurs", true).build());
        var dailyDue = row("daily").dueAt();
        for (int attempt = 1; attempt <= 5; attempt++) {
            makeDue("doomed");
            makeDue("daily");
            assertEquals(2, claimAndRun());
        }
        var doomed = row("doomed");
        assertEquals("FAILED", doomed.status());
        assertTrue(doomed.lastError().startsWith("given up after 5 attempts"), doomed.lastError());
        sql("UPDATE scheduled_job SET due_at = now() - interval '1 second' WHERE key = ?1", "doomed");
        assertEquals(0, claim().size(), "a failed job is never claimed");

        var daily = row("daily");
        assertEquals("SCHEDULED", daily.status());
        assertEquals(0, daily.attempts());
        assertTrue(daily.dueAt().isAfter(Instant.now().plus(Duration.ofHours(23))), daily.toString());
        assertTrue(daily.lastError().startsWith("given up after 5 attempts"), daily.lastError());
        assertTrue(dailyDue.isBefore(daily.dueAt()));
    }
}
