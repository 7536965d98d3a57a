-- Flow rules (issue #4): every evaluation of a tenant's rule is traced — which rule and version, on which event,
-- for which order, how long it took, the effects it returned and what became of each (applied, refused and why,
-- only traced in shadow mode), or its error with line and column. Rows of a change a rule rejected are written in
-- their own transaction and name no order (the order was never stored). Append-only for the application.
CREATE TABLE rule_trace (
    tenant_id        uuid        NOT NULL REFERENCES tenant (id),
    id               uuid        NOT NULL,
    work_order_id    uuid,
    rule_key         text        NOT NULL,
    rule_name        text        NOT NULL,
    config_version   integer     NOT NULL,
    event            text        NOT NULL,
    mode             text        NOT NULL CHECK (mode IN ('ACTIVE', 'SHADOW')),
    outcome          text        NOT NULL CHECK (outcome IN ('APPLIED', 'NO_EFFECTS', 'SHADOW', 'PARTLY_REFUSED',
                                                             'REJECTED', 'ERROR')),
    duration_micros  bigint      NOT NULL,
    allocated_bytes  bigint,
    effects          jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(effects) = 'array'),
    error            jsonb,
    log              jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(log) = 'array'),
    occurred_at      timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, work_order_id) REFERENCES work_order (tenant_id, id) DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (tenant_id, config_version) REFERENCES config_version (tenant_id, version)
);
CREATE INDEX rule_trace_order_idx ON rule_trace (tenant_id, work_order_id, occurred_at);
CREATE INDEX rule_trace_errors_idx ON rule_trace (tenant_id, rule_key, occurred_at) WHERE outcome = 'ERROR';
SELECT enable_tenant_isolation('rule_trace');
GRANT SELECT, INSERT ON rule_trace TO ${appRole};

-- A rule may comment on an order before the order itself is written (the event workorder.creating): history and
-- comments are checked against their order at commit, not row by row.
ALTER TABLE work_order_event ALTER CONSTRAINT work_order_event_tenant_id_work_order_id_fkey
    DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE work_order_comment ALTER CONSTRAINT work_order_comment_tenant_id_work_order_id_fkey
    DEFERRABLE INITIALLY DEFERRED;
