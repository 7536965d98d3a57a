-- Tenant webhooks (issue #5): the tenant's subscriptions and the log of what was sent to them.
--
-- webhook: a name unique in the tenant (what flow rules refer to), the receiver's URL, the events subscribed (a
-- JSON array of names), whether it is active, and the signing secret encrypted with the server's key (AES-GCM;
-- the API shows it only when it is made). After a rotation the previous secret also signs until
-- previous_secret_until, so receivers can switch without losing deliveries. consecutive_failures counts deliveries
-- given up on since the last delivered one; the webhook is disabled at the server's limit (disabled_reason says so).
CREATE TABLE webhook (
    tenant_id             uuid        NOT NULL REFERENCES tenant (id),
    id                    uuid        NOT NULL,
    name                  text        NOT NULL,
    url                   text        NOT NULL,
    events                jsonb       NOT NULL,
    active                boolean     NOT NULL,
    secret                text        NOT NULL,
    previous_secret       text,
    previous_secret_until timestamptz,
    consecutive_failures  integer     NOT NULL DEFAULT 0,
    disabled_reason       text,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, name)
);
SELECT enable_tenant_isolation('webhook');
GRANT SELECT, INSERT, UPDATE, DELETE ON webhook TO ${appRole};

-- One event for one webhook: the exact body sent on every attempt (so its signature and idempotency key, the id,
-- hold across retries), its state (PENDING until DELIVERED or FAILED), and each attempt (a JSON array of
-- {number, at, statusCode, durationMillis, error}). Attempts are run by scheduler jobs of kind 'webhook'.
CREATE TABLE webhook_delivery (
    tenant_id        uuid        NOT NULL REFERENCES tenant (id),
    id               uuid        NOT NULL,
    webhook_id       uuid        NOT NULL,
    event            text        NOT NULL,
    work_order_id    uuid,
    body             text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempt_count    integer     NOT NULL DEFAULT 0,
    attempts         jsonb       NOT NULL DEFAULT '[]',
    next_attempt_at  timestamptz,
    last_status_code integer,
    last_error       text,
    created_at       timestamptz NOT NULL,
    completed_at     timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, webhook_id) REFERENCES webhook (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX webhook_delivery_log_idx ON webhook_delivery (tenant_id, webhook_id, created_at DESC);
SELECT enable_tenant_isolation('webhook_delivery');
GRANT SELECT, INSERT, UPDATE, DELETE ON webhook_delivery TO ${appRole};
