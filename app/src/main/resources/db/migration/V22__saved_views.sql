-- Saved views of the portal's queues (issue #6): a person's named queue and filters, kept on the server so that
-- they follow the person to any device. Private to their owner (user_id, the token's subject); names unique per
-- owner. filters is the list request's parameters as the portal sends them ({"status": ["NEW"], "cf.model": "X"}).
CREATE TABLE saved_view (
    tenant_id   uuid        NOT NULL REFERENCES tenant (id),
    id          uuid        NOT NULL,
    user_id     text        NOT NULL,
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    queue       text        NOT NULL,
    filters     jsonb       NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, user_id, name)
);
SELECT enable_tenant_isolation('saved_view');
GRANT SELECT, INSERT, UPDATE, DELETE ON saved_view TO ${appRole};
