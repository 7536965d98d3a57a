-- The one way to make a table tenant-owned from now on: after CREATE TABLE (tenant_id leading its keys), call
--     SELECT enable_tenant_isolation('the_table');
-- It enables and FORCEs row-level security with the same tenant_isolation policy as V1/V2 (which spelled it out).
-- RowLevelSecurityIT checks that every table with a tenant_id column has exactly this.
CREATE FUNCTION enable_tenant_isolation(target regclass) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
    EXECUTE format('CREATE POLICY tenant_isolation ON %s
                        USING (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid)
                        WITH CHECK (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid)',
                   target);
END $$;

REVOKE ALL ON FUNCTION enable_tenant_isolation(regclass) FROM PUBLIC;
