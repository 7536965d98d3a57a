-- claim_scheduled_jobs (V9) could claim more jobs than its batch. The locked, limited selection was a subquery of
-- the UPDATE, and PostgreSQL may run such a subquery more than once in one statement: as the inner side of a nested
-- loop (the plan a pooled connection caches while the table is small), and again when the UPDATE waits on a row
-- another transaction holds and rechecks it. Each run skips different locked rows, so the union of the runs could
-- exceed `batch`, and a server then ran more jobs than it has slots for. A MATERIALIZED CTE is run exactly once: the
-- UPDATE takes only the rows it chose.
CREATE OR REPLACE FUNCTION claim_scheduled_jobs(kinds text[], batch integer, lease interval)
    RETURNS TABLE (tenant_id uuid, id uuid, lease_token uuid)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${schema}, pg_temp AS $$
#variable_conflict use_column
BEGIN
    PERFORM set_config('app.scheduler_claim', 'on', true);
    RETURN QUERY
        WITH due AS MATERIALIZED (
            SELECT s.tenant_id, s.id FROM scheduled_job s
             WHERE s.status = 'SCHEDULED' AND s.kind = ANY (kinds) AND s.due_at <= now()
               AND (s.locked_until IS NULL OR s.locked_until < now())
             ORDER BY s.due_at
             LIMIT batch
             FOR UPDATE SKIP LOCKED)
        UPDATE scheduled_job j
           SET locked_until = now() + lease, lease_token = gen_random_uuid(), attempts = j.attempts + 1,
               updated_at = now()
          FROM due
         WHERE j.tenant_id = due.tenant_id AND j.id = due.id
        RETURNING j.tenant_id, j.id, j.lease_token;
    PERFORM set_config('app.scheduler_claim', '', true);
END $$;
