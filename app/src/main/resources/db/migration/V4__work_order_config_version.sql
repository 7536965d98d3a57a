-- The configuration version a work order was created under (issue #3); null for orders created before versions
-- were recorded. Versions are never deleted, so the reference always resolves.
ALTER TABLE work_order ADD COLUMN config_version integer;
ALTER TABLE work_order ADD CONSTRAINT work_order_config_version_fk
    FOREIGN KEY (tenant_id, config_version) REFERENCES config_version (tenant_id, version);
