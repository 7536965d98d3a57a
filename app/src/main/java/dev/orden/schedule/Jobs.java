package dev.orden.schedule;

import dev.orden.shared.persistence.TenantEntityManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.orden.shared.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

/**
 * Scheduling jobs for the tenant of the current transaction, and a running job's checkpoints. Features (scheduled
 * rules, SLA timers, reminders, recurring orders) call these inside their own transaction, so a job appears or
 * changes exactly when the change that wants it commits.
 */
@ApplicationScoped
public class Jobs {

    @Inject
    TenantEntityManager tenantEm;

    @Inject
    SchedulerSettings settings;

    /**
     * Makes job ({@code kind}, {@code key}) due at {@code dueAt}. {@code spec} is what its due times derive from (a
     * cron and zone; for a one-off, the time itself): if the job exists with the same spec it keeps its due time,
     * attempts and a running claim (only the payload is replaced), else it starts afresh at {@code dueAt}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void schedule(String kind, String key, String spec, JsonObject payload, Instant dueAt) {
        tenantEm.em().createNativeQuery("""
                INSERT INTO scheduled_job AS j (tenant_id, id, kind, key, spec, payload, due_at)
                VALUES (current_setting('app.tenant_id')::uuid, ?1::uuid, ?2, ?3, ?4, ?5::jsonb, ?6::timestamptz)
                ON CONFLICT (tenant_id, kind, key) DO UPDATE SET
                    payload = excluded.payload,
                    spec = excluded.spec,
                    due_at = CASE WHEN j.spec = excluded.spec THEN j.due_at ELSE excluded.due_at END,
                    attempts = CASE WHEN j.spec = excluded.spec THEN j.attempts ELSE 0 END,
                    locked_until = CASE WHEN j.spec = excluded.spec THEN j.locked_until END,
                    lease_token = CASE WHEN j.spec = excluded.spec THEN j.lease_token END,
                    progress = CASE WHEN j.spec = excluded.spec THEN j.progress END,
                    last_error = CASE WHEN j.spec = excluded.spec THEN j.last_error END,
                    status = CASE WHEN j.spec = excluded.spec THEN j.status ELSE 'SCHEDULED' END,
                    updated_at = now()""")
                .setParameter(1, UUID.randomUUID().toString()).setParameter(2, kind).setParameter(3, key)
                .setParameter(4, spec).setParameter(5, payload.toString()).setParameter(6, dueAt.toString())
                .executeUpdate();
    }

    /** Removes the tenant's jobs of {@code kind} whose key is not in {@code keys} (a claim on them is lost). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int keepOnly(String kind, Collection<String> keys) {
        var array = Json.createArrayBuilder();
        keys.forEach(array::add);
        return tenantEm.em().createNativeQuery("""
                DELETE FROM scheduled_job
                 WHERE kind = ?1 AND key NOT IN (SELECT jsonb_array_elements_text(?2::jsonb))""")
                .setParameter(1, kind).setParameter(2, array.build().toString()).executeUpdate();
    }

    /** Removes the tenant's jobs of {@code kind} whose key starts with {@code keyPrefix}, but those in {@code keep}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancel(String kind, String keyPrefix, Collection<String> keep) {
        var array = Json.createArrayBuilder();
        keep.forEach(array::add);
        return tenantEm.em().createNativeQuery("""
                DELETE FROM scheduled_job
                 WHERE kind = ?1 AND starts_with(key, ?2) AND key NOT IN (SELECT jsonb_array_elements_text(?3::jsonb))""")
                .setParameter(1, kind).setParameter(2, keyPrefix).setParameter(3, array.build().toString())
                .executeUpdate();
    }

    /**
     * Records how far the running job got, in the transaction of the step it made, and renews its lease: a job
     * taken over after a crash resumes after the last committed step, and never repeats it. Throws
     * {@link LeaseLost}, rolling the step back, when the job is no longer this claimer's.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void checkpoint(Job job, JsonObject progress) {
        int updated = tenantEm.bind(job.tenantId()).createNativeQuery("""
                UPDATE scheduled_job SET progress = ?1::jsonb, locked_until = now() + ?2::interval, updated_at = now()
                 WHERE id = ?3::uuid AND lease_token = ?4::uuid""")
                .setParameter(1, progress.toString()).setParameter(2, interval(settings.lease()))
                .setParameter(3, job.id().toString()).setParameter(4, job.leaseToken().toString())
                .executeUpdate();
        if (updated == 0) throw new LeaseLost(job);
    }

    static String interval(Duration duration) {
        return duration.toMillis() + " milliseconds";
    }
}
