-- Staged uploads (issue #6): a file sent before the order it belongs to exists, e.g. for a required attachment
-- field of the new-order form. It is stored, sniffed, scanned and counted against the quota as an attachment is,
-- kept for the user who sent it only, and becomes an `attachment` of the order (same store and key: the bytes do
-- not move) when a create request names it; one never named is removed by a one-off scheduler job at `expires_at`.
CREATE TABLE attachment_upload (
    tenant_id        uuid        NOT NULL REFERENCES tenant (id),
    id               uuid        NOT NULL,
    file_name        text        NOT NULL,
    content_type     text        NOT NULL,
    size_bytes       bigint      NOT NULL CHECK (size_bytes >= 0),
    sha256           text        NOT NULL,
    store            text        NOT NULL,
    storage_key      text        NOT NULL,
    uploaded_by      text        NOT NULL,
    uploaded_by_name text,
    created_at       timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
SELECT enable_tenant_isolation('attachment_upload');
-- UPDATE of one column only: what SELECT … FOR UPDATE needs (a create locks the uploads it takes).
GRANT SELECT, INSERT, DELETE ON attachment_upload TO ${appRole};
GRANT UPDATE (expires_at) ON attachment_upload TO ${appRole};
