-- Flow rules (issue #4): indexes for the two admin reads of rule_trace that V7 left to a scan of the tenant's rows.
-- The error log lists failures and rejections, of all rules or of one, newest first; usage aggregates a tenant's
-- evaluations since a time.
DROP INDEX rule_trace_errors_idx;
CREATE INDEX rule_trace_failures_idx ON rule_trace (tenant_id, occurred_at DESC)
    WHERE outcome IN ('ERROR', 'REJECTED');
CREATE INDEX rule_trace_rule_failures_idx ON rule_trace (tenant_id, rule_key, occurred_at DESC)
    WHERE outcome IN ('ERROR', 'REJECTED');
CREATE INDEX rule_trace_time_idx ON rule_trace (tenant_id, occurred_at);
