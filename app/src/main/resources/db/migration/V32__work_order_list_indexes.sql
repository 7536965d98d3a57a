-- Indexes for the queue's lists and counts at scale (docs/performance.md, "Load"; measured over 1 M orders).
-- Every index leads with tenant_id: row-level security binds every query to one tenant.

-- A team's orders in a status category, newest first (`team=…&category=…`, the team queues): the list walks the
-- index and stops after a page instead of filtering the tenant's whole creation-date index.
CREATE INDEX work_order_team_queue_idx ON work_order (tenant_id, team, status_category, created_at, number);

-- /workorders/counts groups by status and category: an index-only scan of this narrow index instead of reading
-- every row of the tenant (also with a category filter, as the queues' counts have).
CREATE INDEX work_order_category_status_idx ON work_order (tenant_id, status_category, status);
