-- The cluster-safe scheduler (dev.orden.schedule): one row per job that will run for a tenant at a time — a
-- scheduled flow rule's next cron time, later SLA timers, reminders, recurring orders (issue #5). A job is unique
-- per (tenant, kind, key); `spec` is what its due times derive from (a cron and zone), so that reconciling a job
-- whose spec did not change keeps its due time. Servers claim due rows with FOR UPDATE SKIP LOCKED and a lease:
-- `lease_token` fences a claimer whose lease ran out (its checkpoints and completion change nothing any more),
-- `progress` lets a job picked up again after a crash go on where its last committed step left it.
CREATE TABLE scheduled_job (
    tenant_id     uuid        NOT NULL REFERENCES tenant (id),
    id            uuid        NOT NULL,
    kind          text        NOT NULL,
    key           text        NOT NULL,
    spec          text        NOT NULL DEFAULT '',
    payload       jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(payload) = 'object'),
    status        text        NOT NULL DEFAULT 'SCHEDULED' CHECK (status IN ('SCHEDULED', 'FAILED')),
    due_at        timestamptz NOT NULL,
    attempts      integer     NOT NULL DEFAULT 0,
    locked_until  timestamptz,
    lease_token   uuid,
    progress      jsonb,
    last_error    text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, kind, key)
);
CREATE INDEX scheduled_job_due_idx ON scheduled_job (due_at) WHERE status = 'SCHEDULED';
SELECT enable_tenant_isolation('scheduled_job');
GRANT SELECT, INSERT, UPDATE, DELETE ON scheduled_job TO ${appRole};

-- Claiming must see every tenant's due rows, which the application's role never does (forced RLS, no tenant
-- bound while polling). Rather than a second, RLS-free queue table mirroring ids and due times (two tables to keep
-- in step in every transaction), one SECURITY DEFINER function owned by the schema owner claims them: it only
-- moves the lease columns and returns (tenant, id, lease token), never a payload; the job itself is then read
-- in a transaction bound to its tenant, under RLS like any tenant row. The owner is subject to the forced policy
-- too, so it gets a second policy of its own, open only while the function has set app.scheduler_claim (the
-- application's role cannot use that policy, whatever it sets).
CREATE POLICY scheduler_claim ON scheduled_job TO CURRENT_USER
    USING (current_setting('app.scheduler_claim', true) = 'on');

CREATE FUNCTION claim_scheduled_jobs(kinds text[], batch integer, lease interval)
    RETURNS TABLE (tenant_id uuid, id uuid, lease_token uuid)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${schema}, pg_temp AS $$
#variable_conflict use_column
BEGIN
    PERFORM set_config('app.scheduler_claim', 'on', true);
    RETURN QUERY
        UPDATE scheduled_job j
           SET locked_until = now() + lease, lease_token = gen_random_uuid(), attempts = j.attempts + 1,
               updated_at = now()
          FROM (SELECT s.tenant_id, s.id FROM scheduled_job s
                 WHERE s.status = 'SCHEDULED' AND s.kind = ANY (kinds) AND s.due_at <= now()
                   AND (s.locked_until IS NULL OR s.locked_until < now())
                 ORDER BY s.due_at
                 LIMIT batch
                 FOR UPDATE SKIP LOCKED) due
         WHERE j.tenant_id = due.tenant_id AND j.id = due.id
        RETURNING j.tenant_id, j.id, j.lease_token;
    PERFORM set_config('app.scheduler_claim', '', true);
END $$;

REVOKE ALL ON FUNCTION claim_scheduled_jobs(text[], integer, interval) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION claim_scheduled_jobs(text[], integer, interval) TO ${appRole};
