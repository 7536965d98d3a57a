-- Notification deliveries (issue #5): the outbox and delivery log of every channel. One row per recipient, channel
-- and happening, written in the transaction of the order change that caused it (with a scheduler job of kind
-- `notification` that delivers it, V9), so that nothing is sent for a change that rolled back and nothing the change
-- committed is lost. `model` is the order as it was at the change, rendered when the row is delivered, in the
-- recipient's language. The scheduler's attempts update status, attempts and last_error; tenant admins read the log.
CREATE TABLE notification_delivery (
    tenant_id      uuid        NOT NULL REFERENCES tenant (id),
    id             uuid        NOT NULL,
    event          text        NOT NULL,
    template       text        NOT NULL,
    channel        text        NOT NULL,
    recipient_id   text        NOT NULL,
    work_order_id  uuid,
    order_number   text,
    model          jsonb       NOT NULL,
    status         text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts       integer     NOT NULL DEFAULT 0,
    last_error     text,
    language       text,
    address        text,
    subject        text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    sent_at        timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, work_order_id) REFERENCES work_order (tenant_id, id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX notification_delivery_log_idx ON notification_delivery (tenant_id, created_at DESC, id);
CREATE INDEX notification_delivery_order_idx ON notification_delivery (tenant_id, work_order_id);
SELECT enable_tenant_isolation('notification_delivery');
GRANT SELECT, INSERT, UPDATE ON notification_delivery TO ${appRole};
