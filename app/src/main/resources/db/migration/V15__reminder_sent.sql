-- Reminders (issue #5): the reminders already sent, one row per order, kind, target time and audience. A reminder is
-- sent in the transaction that inserts its row here (ON CONFLICT DO NOTHING), so it goes out at most once, whatever
-- retries a job gets or however many servers run. The jobs themselves are scheduled_job rows of kind 'reminder'.
CREATE TABLE reminder_sent (
    tenant_id      uuid        NOT NULL REFERENCES tenant (id),
    work_order_id  uuid        NOT NULL,
    kind           text        NOT NULL,
    target_at      timestamptz NOT NULL,
    audience       text        NOT NULL DEFAULT '',
    sent_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, work_order_id, kind, target_at, audience),
    FOREIGN KEY (tenant_id, work_order_id) REFERENCES work_order (tenant_id, id)
);
SELECT enable_tenant_isolation('reminder_sent');
GRANT SELECT, INSERT ON reminder_sent TO ${appRole};
