-- Orden's first schema. Rules for every migration:
--   * every tenant-owned table has tenant_id leading its primary key, unique keys, foreign keys and indexes
--     (so it can be distributed by tenant later without a rewrite);
--   * every tenant-owned table has row-level security FORCEd, keyed on the transaction-local app.tenant_id;
--   * the runtime role ${appRole} owns nothing and gets only the privileges it needs.

CREATE TABLE tenant (
    id              uuid        PRIMARY KEY,
    slug            text        NOT NULL UNIQUE CHECK (slug ~ '^[a-z][a-z0-9-]{1,38}[a-z0-9]$'),
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    status          text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED')),
    keycloak_org_id text,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE member (
    tenant_id    uuid        NOT NULL REFERENCES tenant (id),
    id           uuid        NOT NULL,
    email        text        NOT NULL,
    display_name text,
    roles        text        NOT NULL,
    last_seen_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE work_order_counter (
    tenant_id   uuid   PRIMARY KEY REFERENCES tenant (id),
    last_number bigint NOT NULL
);

CREATE TABLE work_order (
    tenant_id         uuid        NOT NULL REFERENCES tenant (id),
    id                uuid        NOT NULL,
    number            bigint      NOT NULL,
    title             text        NOT NULL,
    description       text,
    type              text        NOT NULL,
    priority          text        NOT NULL CHECK (priority IN ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    status            text        NOT NULL CHECK (status IN ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'ON_HOLD',
                                                             'RESOLVED', 'CLOSED', 'CANCELLED')),
    area              text,
    requester_id      text        NOT NULL,
    requester_name    text,
    assignee_id       text,
    assignee_name     text,
    team              text,
    due_at            timestamptz,
    custom_fields     jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(custom_fields) = 'object'),
    created_at        timestamptz NOT NULL,
    created_by        text        NOT NULL,
    updated_at        timestamptz NOT NULL,
    completed_by      text,
    completed_by_name text,
    completed_at      timestamptz,
    version           integer     NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, number)
);
CREATE INDEX work_order_status_idx    ON work_order (tenant_id, status, number);
CREATE INDEX work_order_assignee_idx  ON work_order (tenant_id, assignee_id, status);
CREATE INDEX work_order_requester_idx ON work_order (tenant_id, requester_id, created_at);
CREATE INDEX work_order_created_idx   ON work_order (tenant_id, created_at, number);
CREATE INDEX work_order_updated_idx   ON work_order (tenant_id, updated_at, number);

CREATE TABLE work_order_event (
    tenant_id     uuid        NOT NULL,
    id            uuid        NOT NULL,
    work_order_id uuid        NOT NULL,
    occurred_at   timestamptz NOT NULL,
    actor_id      text,
    actor_name    text,
    kind          text        NOT NULL,
    field         text,
    old_value     text,
    new_value     text,
    comment       text,
    visibility    text        NOT NULL CHECK (visibility IN ('PUBLIC', 'INTERNAL')),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, work_order_id) REFERENCES work_order (tenant_id, id)
);
CREATE INDEX work_order_event_order_idx ON work_order_event (tenant_id, work_order_id, occurred_at);

CREATE TABLE work_order_comment (
    tenant_id     uuid        NOT NULL,
    id            uuid        NOT NULL,
    work_order_id uuid        NOT NULL,
    author_id     text        NOT NULL,
    author_name   text,
    body          text        NOT NULL,
    visibility    text        NOT NULL CHECK (visibility IN ('PUBLIC', 'INTERNAL')),
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, work_order_id) REFERENCES work_order (tenant_id, id)
);
CREATE INDEX work_order_comment_order_idx ON work_order_comment (tenant_id, work_order_id, created_at);

-- Row-level security: a row is visible and writable only when app.tenant_id (set per transaction with
-- set_config(..., true)) names its tenant. Unset or empty means no rows at all.
DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['member', 'work_order_counter', 'work_order', 'work_order_event', 'work_order_comment']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I
                            USING (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid)
                            WITH CHECK (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid)', t);
    END LOOP;
END $$;

GRANT USAGE ON SCHEMA ${schema} TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON tenant TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON member, work_order_counter, work_order TO ${appRole};
-- History is append-only, for the application as for anyone else it could be tricked into.
GRANT SELECT, INSERT ON work_order_event, work_order_comment TO ${appRole};
