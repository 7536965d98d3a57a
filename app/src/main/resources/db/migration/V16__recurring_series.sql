-- Recurring series (issue #5): a template of a work order and a schedule; the scheduler makes an order of each
-- occurrence (job kind 'recurring', one per series, key = the series id).
--
-- status: ACTIVE (next_occurrence is the one it makes next; null while an after-completion series waits for its
-- last order to be completed, or once nothing follows), PAUSED, ENDED (for good). revision grows with every change
-- of when the next one is, so the job's spec changes and its due time follows.
CREATE TABLE recurring_series (
    tenant_id        uuid        NOT NULL REFERENCES tenant (id),
    id               uuid        NOT NULL,
    name             text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    template         jsonb       NOT NULL,
    schedule         jsonb       NOT NULL,
    zone             text        NOT NULL,
    lead_days        integer     NOT NULL DEFAULT 0 CHECK (lead_days >= 0),
    ends_on          date,
    max_occurrences  integer     CHECK (max_occurrences > 0),
    status           text        NOT NULL CHECK (status IN ('ACTIVE', 'PAUSED', 'ENDED')),
    next_occurrence  timestamptz,
    generated        integer     NOT NULL DEFAULT 0,
    revision         integer     NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL,
    created_by       text        NOT NULL,
    updated_at       timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
SELECT enable_tenant_isolation('recurring_series');
GRANT SELECT, INSERT, UPDATE ON recurring_series TO ${appRole};

-- One row per occurrence an order was made for. The primary key is what makes generation happen once: a retried
-- or concurrent run inserts the same (series, occurrence) first and, finding it taken, makes nothing. The order is
-- set in the same transaction, right after it is created.
CREATE TABLE recurring_occurrence (
    tenant_id      uuid        NOT NULL REFERENCES tenant (id),
    series_id      uuid        NOT NULL,
    occurrence     timestamptz NOT NULL,
    work_order_id  uuid,
    created_at     timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, series_id, occurrence),
    FOREIGN KEY (tenant_id, series_id) REFERENCES recurring_series (tenant_id, id),
    FOREIGN KEY (tenant_id, work_order_id) REFERENCES work_order (tenant_id, id)
);
CREATE UNIQUE INDEX recurring_occurrence_order_idx ON recurring_occurrence (tenant_id, work_order_id);
SELECT enable_tenant_isolation('recurring_occurrence');
GRANT SELECT, INSERT, UPDATE ON recurring_occurrence TO ${appRole};
