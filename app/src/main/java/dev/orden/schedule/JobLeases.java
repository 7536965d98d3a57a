package dev.orden.schedule;

import dev.orden.shared.persistence.TenantEntityManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * A claimed job's row, read and settled in short transactions bound to its tenant. Every write names the lease
 * token: a claimer whose lease ran out (and whose job another server now runs) changes nothing.
 */
@ApplicationScoped
public class JobLeases {

    @Inject
    TenantEntityManager tenantEm;

    /** The job, if the claim is still valid. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Job> load(ClaimedJob claimed) {
        var rows = tenantEm.bind(claimed.tenantId()).createNativeQuery("""
                SELECT kind, key, spec, payload::text, due_at, attempts, progress::text FROM scheduled_job
                 WHERE id = ?1::uuid AND lease_token = ?2::uuid""")
                .setParameter(1, claimed.id().toString()).setParameter(2, claimed.leaseToken().toString())
                .getResultList();
        if (rows.isEmpty()) return Optional.empty();
        var row = (Object[]) rows.getFirst();
        return Optional.of(new Job(claimed.tenantId(), claimed.id(), (String) row[0], (String) row[1],
                (String) row[2], json((String) row[3]), ((Timestamp) row[4]).toInstant(), ((Number) row[5]).intValue(),
                claimed.leaseToken(), row[6] == null ? null : json((String) row[6])));
    }

    /** Applies the decision to the job's row; false when the claim was no longer valid (nothing changed). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean settle(Job job, Settlement settlement) {
        return switch (settlement) {
            case Settlement.Reschedule r -> reschedule(job, r.next(), r.error());
            case Settlement.Retry r -> retry(job, r.at(), r.error());
            case Settlement.Remove r -> update(job, "DELETE FROM scheduled_job WHERE id = ?1::uuid AND lease_token = ?2::uuid");
            case Settlement.GiveUp g -> giveUp(job, g.error());
        };
    }

    private boolean reschedule(Job job, Instant next, String error) {
        return update(job, """
                UPDATE scheduled_job SET due_at = ?3::timestamptz, attempts = 0, locked_until = NULL,
                       lease_token = NULL, progress = NULL, last_error = ?4, updated_at = now()
                 WHERE id = ?1::uuid AND lease_token = ?2::uuid""", next.toString(), error);
    }

    private boolean retry(Job job, Instant at, String error) {
        return update(job, """
                UPDATE scheduled_job SET due_at = ?3::timestamptz, locked_until = NULL, lease_token = NULL,
                       last_error = ?4, updated_at = now()
                 WHERE id = ?1::uuid AND lease_token = ?2::uuid""", at.toString(), error);
    }

    private boolean giveUp(Job job, String error) {
        return update(job, """
                UPDATE scheduled_job SET status = 'FAILED', locked_until = NULL, lease_token = NULL,
                       last_error = ?3, updated_at = now()
                 WHERE id = ?1::uuid AND lease_token = ?2::uuid""", error);
    }

    private boolean update(Job job, String sql, Object... more) {
        var query = tenantEm.bind(job.tenantId()).createNativeQuery(sql)
                .setParameter(1, job.id().toString()).setParameter(2, job.leaseToken().toString());
        for (int i = 0; i < more.length; i++) query.setParameter(i + 3, more[i]);
        return query.executeUpdate() == 1;
    }

    static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
