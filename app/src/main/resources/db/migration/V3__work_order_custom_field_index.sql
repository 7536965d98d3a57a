-- Custom-field filters (cf.<key>=value) are containment tests (custom_fields @> '{"key": value}'): a GIN index with
-- jsonb_path_ops serves them for any key. tenant_id is not part of a GIN index of this kind; the planner combines
-- it with the tenant's B-tree indexes (bitmap AND) and RLS still filters every row.
CREATE INDEX work_order_custom_fields_idx ON work_order USING gin (custom_fields jsonb_path_ops);
