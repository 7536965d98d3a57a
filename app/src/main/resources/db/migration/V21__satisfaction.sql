-- Satisfaction (CSAT, issue #7): the requester's one rating of a completed order, 1 to 5 with an optional comment,
-- given in the portal or through the signed link of the completion e-mail (via). One per order: the primary key
-- makes a second rating, or a reused link racing the first, fail instead of overwriting.
CREATE TABLE satisfaction_rating (
    tenant_id      uuid        NOT NULL REFERENCES tenant (id),
    work_order_id  uuid        NOT NULL,
    score          smallint    NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment        text,
    rated_by       text        NOT NULL,
    rated_by_name  text,
    via            text        NOT NULL CHECK (via IN ('portal', 'link')),
    rated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, work_order_id),
    FOREIGN KEY (tenant_id, work_order_id) REFERENCES work_order (tenant_id, id)
);
-- The report reads ratings by when they were given.
CREATE INDEX satisfaction_rating_rated_idx ON satisfaction_rating (tenant_id, rated_at);
SELECT enable_tenant_isolation('satisfaction_rating');
GRANT SELECT, INSERT ON satisfaction_rating TO ${appRole};
