-- Field-service dispatch (issues #6, #7): an order may carry the visit a dispatcher planned, a start and an end
-- (both or neither, the end after the start). The dispatch board's day schedule and the workload report ask for
-- one assignee's visits in a day range: the index leads with the assignee, then the start; orders without a visit
-- are left out of it.
ALTER TABLE work_order
    ADD COLUMN scheduled_start timestamptz,
    ADD COLUMN scheduled_end   timestamptz,
    ADD CONSTRAINT work_order_visit_check CHECK ((scheduled_start IS NULL) = (scheduled_end IS NULL)
        AND (scheduled_end IS NULL OR scheduled_end > scheduled_start));

CREATE INDEX work_order_visit_idx ON work_order (tenant_id, assignee_id, scheduled_start)
    WHERE scheduled_start IS NOT NULL;
