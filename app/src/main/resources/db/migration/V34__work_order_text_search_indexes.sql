-- The text search of the lists (`q=…`: LOWER(title) LIKE '%…%' OR LOWER(description) LIKE '%…%') read every order of
-- the tenant; trigram indexes find a substring's rows (docs/performance.md, "Text search"). They lead with tenant_id
-- (btree_gin), as every index here does: a word common in other tenants' orders but rare in this one's is then looked
-- up among this tenant's entries only, not among every tenant's matches filtered afterwards.
-- Under forced row-level security the planner only uses them for the application role when lower(text) and
-- textlike(text, text) are LEAKPROOF, which needs a superuser: the provisioning does it (./orden, helm/orden/README.md)
-- and DatabaseChecks warns when it is missing. Without it the search still works, reading the tenant's orders.
-- pg_trgm and btree_gin are trusted extensions: the database owner may create them.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gin;

CREATE INDEX IF NOT EXISTS work_order_title_trgm_idx
    ON work_order USING gin (tenant_id, lower(title) gin_trgm_ops);
CREATE INDEX IF NOT EXISTS work_order_description_trgm_idx
    ON work_order USING gin (tenant_id, lower(description) gin_trgm_ops);
