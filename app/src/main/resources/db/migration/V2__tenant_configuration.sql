-- Tenant configuration (issue #3): one immutable, numbered version per change, the whole bundle as jsonb.
-- A tenant has at most one DRAFT (the next number) and any number of PUBLISHED versions; exactly one of those
-- is active. Same rules as V1: tenant_id leads every key, row-level security is FORCEd, the app role owns nothing.

CREATE TABLE config_version (
    tenant_id    uuid        NOT NULL REFERENCES tenant (id),
    version      integer     NOT NULL CHECK (version > 0),
    status       text        NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
    bundle       jsonb       NOT NULL,
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL,
    published_by text,
    published_at timestamptz,
    note         text        CHECK (length(note) <= 500),
    PRIMARY KEY (tenant_id, version),
    CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL))
);
CREATE UNIQUE INDEX config_version_one_draft ON config_version (tenant_id) WHERE status = 'DRAFT';

CREATE TABLE tenant_config_active (
    tenant_id uuid    PRIMARY KEY REFERENCES tenant (id),
    version   integer NOT NULL,
    FOREIGN KEY (tenant_id, version) REFERENCES config_version (tenant_id, version)
);

-- A published version never changes again: history is immutable, whoever asks.
CREATE FUNCTION config_version_published_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'PUBLISHED' THEN
        RAISE EXCEPTION 'configuration version % is published and immutable', OLD.version
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER config_version_immutable BEFORE UPDATE ON config_version
    FOR EACH ROW EXECUTE FUNCTION config_version_published_is_immutable();

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['config_version', 'tenant_config_active']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I
                            USING (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid)
                            WITH CHECK (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid)', t);
    END LOOP;
END $$;

-- No DELETE: versions are history. UPDATE only moves a draft forward (the trigger guards published rows).
GRANT SELECT, INSERT, UPDATE ON config_version, tenant_config_active TO ${appRole};
