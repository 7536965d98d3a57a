-- Workflows are tenant data (issue #3): an order's status is a state key of its type's workflow, and the state's
-- category (new/open/pending/resolved/closed) is stored beside it, because queues, reports and SLAs ask by
-- category across every type. History entries record the configuration version they were made under.
ALTER TABLE work_order DROP CONSTRAINT work_order_status_check;
ALTER TABLE work_order ADD CONSTRAINT work_order_status_check CHECK (status ~ '^[a-zA-Z][a-zA-Z0-9_]{0,63}$');
ALTER TABLE work_order ADD COLUMN status_category text;

-- The owner is subject to the forced row-level security too; lift it for this one backfill, inside the migration's
-- transaction, so that every tenant's rows are reached. Existing statuses are the former fixed lifecycle's.
ALTER TABLE work_order NO FORCE ROW LEVEL SECURITY;
UPDATE work_order SET status_category = CASE status
    WHEN 'NEW' THEN 'new'
    WHEN 'ASSIGNED' THEN 'open'
    WHEN 'IN_PROGRESS' THEN 'open'
    WHEN 'ON_HOLD' THEN 'pending'
    WHEN 'RESOLVED' THEN 'resolved'
    ELSE 'closed' END;
ALTER TABLE work_order FORCE ROW LEVEL SECURITY;

ALTER TABLE work_order ALTER COLUMN status_category SET NOT NULL;
ALTER TABLE work_order ADD CONSTRAINT work_order_status_category_check
    CHECK (status_category IN ('new', 'open', 'pending', 'resolved', 'closed'));
CREATE INDEX work_order_status_category_idx ON work_order (tenant_id, status_category, number);

ALTER TABLE work_order_event ADD COLUMN config_version integer;
