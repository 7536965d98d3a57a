-- Assignment and dispatch (issue #5).
--
-- Whether a member takes new work now: ACTIVE, or AWAY (optionally until a moment, after which they count as
-- active again without anyone writing it back). Set by the member themself or by a dispatcher or admin; a member
-- without a row is active.
CREATE TABLE member_availability (
    tenant_id  uuid        NOT NULL REFERENCES tenant (id),
    member_id  uuid        NOT NULL,
    status     text        NOT NULL CHECK (status IN ('ACTIVE', 'AWAY')),
    away_until timestamptz,
    updated_at timestamptz NOT NULL,
    updated_by text        NOT NULL,
    PRIMARY KEY (tenant_id, member_id),
    FOREIGN KEY (tenant_id, member_id) REFERENCES member (tenant_id, id),
    CHECK (status = 'AWAY' OR away_until IS NULL)
);
SELECT enable_tenant_isolation('member_availability');
GRANT SELECT, INSERT, UPDATE ON member_availability TO ${appRole};

-- What an assignment strategy remembers per tenant, e.g. round-robin's last agent per team: in the database, so that
-- it survives restarts and every replica shares it. A strategy reads its row FOR UPDATE, so two assignments on one
-- scope take turns instead of choosing the same agent.
CREATE TABLE assignment_state (
    tenant_id  uuid        NOT NULL REFERENCES tenant (id),
    strategy   text        NOT NULL CHECK (length(strategy) BETWEEN 1 AND 64),
    scope      text        NOT NULL CHECK (length(scope) BETWEEN 1 AND 200),
    value      text        NOT NULL CHECK (length(value) <= 2000),
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, strategy, scope)
);
SELECT enable_tenant_isolation('assignment_state');
GRANT SELECT, INSERT, UPDATE ON assignment_state TO ${appRole};
