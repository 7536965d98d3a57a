-- The tenant audit log (issues #6, #7): administrative changes — configuration publishes and rollbacks, plugin
-- toggles, people's invitations, roles and deactivations, webhooks, exports — with who, when, what and a diff.
-- Written in the transaction of the change it tells of. Append-only: the application may INSERT and SELECT, never
-- UPDATE or DELETE (no grant), and a trigger refuses both to anyone else too, the owner included. The id is a
-- sequence so the newest-first keyset paging has one total order.
CREATE TABLE audit_entry (
    tenant_id   uuid        NOT NULL REFERENCES tenant (id),
    id          bigint      GENERATED ALWAYS AS IDENTITY,
    at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor_id    text        NOT NULL CHECK (length(actor_id) BETWEEN 1 AND 100),
    actor_name  text        CHECK (length(actor_name) <= 300),
    action      text        NOT NULL CHECK (action ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$' AND length(action) <= 64),
    target_type text        NOT NULL CHECK (length(target_type) BETWEEN 1 AND 64),
    target_id   text        CHECK (length(target_id) <= 300),
    target_name text        CHECK (length(target_name) <= 300),
    summary     text        CHECK (length(summary) <= 2000),
    diff        jsonb       NOT NULL DEFAULT '{}',
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX audit_entry_time_idx ON audit_entry (tenant_id, at);
SELECT enable_tenant_isolation('audit_entry');
GRANT SELECT, INSERT ON audit_entry TO ${appRole};

CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only();
