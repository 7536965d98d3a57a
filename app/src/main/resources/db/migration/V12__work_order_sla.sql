-- SLA clocks of work orders (issue #5): one row per order whose type and priority have a target when it is created.
-- Kept beside work_order rather than in it, so the order's own columns and entity stay the workflow's.
--
-- A due time is business time from creation, in the calendar named here (of the configuration then active); a
-- pause (the order in a pending-category state) holds the business time left, and resuming sets the due time that
-- much business time after the resume. *_met_at: first response (first public staff comment or first move out of
-- the new category) and resolution (a resolved or closed state). *_breached_at: set once, by the breach job.
CREATE TABLE work_order_sla (
    tenant_id                   uuid        NOT NULL REFERENCES tenant (id),
    work_order_id               uuid        NOT NULL,
    calendar                    text,
    first_response_due          timestamptz,
    first_response_met_at       timestamptz,
    first_response_breached_at  timestamptz,
    resolution_due              timestamptz,
    resolution_met_at           timestamptz,
    resolution_breached_at      timestamptz,
    paused_since                timestamptz,
    PRIMARY KEY (tenant_id, work_order_id),
    FOREIGN KEY (tenant_id, work_order_id) REFERENCES work_order (tenant_id, id)
);
SELECT enable_tenant_isolation('work_order_sla');
GRANT SELECT, INSERT, UPDATE ON work_order_sla TO ${appRole};
