-- Notifications (issue #5), in-app channel: one row per recipient and happening, written in the transaction of the
-- order change that caused it. The recipient reads, and marks as read, only their own rows (checked in the
-- application; the tenant by row-level security as everywhere).
CREATE TABLE notification (
    tenant_id      uuid        NOT NULL REFERENCES tenant (id),
    id             uuid        NOT NULL,
    recipient_id   text        NOT NULL,
    kind           text        NOT NULL,
    work_order_id  uuid,
    order_number   text,
    title          text        NOT NULL,
    body           text        NOT NULL,
    created_at     timestamptz NOT NULL,
    read_at        timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, work_order_id) REFERENCES work_order (tenant_id, id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX notification_inbox_idx ON notification (tenant_id, recipient_id, (read_at IS NULL), created_at);
SELECT enable_tenant_isolation('notification');
GRANT SELECT, INSERT, UPDATE ON notification TO ${appRole};
