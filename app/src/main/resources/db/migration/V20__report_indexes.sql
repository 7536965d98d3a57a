-- Reports (issue #7): orders completed in a range — counted, bucketed per day and per agent — are found by their
-- completion time (set on entering a resolved state, cleared on reopening), which no index led with. Partial: open
-- orders have none. The other report queries use existing indexes (docs/reports.md).
CREATE INDEX work_order_completed_idx ON work_order (tenant_id, completed_at) WHERE completed_at IS NOT NULL;
