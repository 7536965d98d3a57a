-- Attachments (issue #7): files on an order or on one of its comments. `attachment` is what Orden knows of a file
-- (name, sniffed type, size, digest, who and when, which store keeps its bytes under which key); the bytes are the
-- store's. The built-in store ('postgres') keeps them in `attachment_chunk`, 256 KiB per row, written in the
-- upload's own transaction, so that a refused upload (too large, over quota, infected) leaves no row behind.
CREATE TABLE attachment (
    tenant_id        uuid        NOT NULL REFERENCES tenant (id),
    id               uuid        NOT NULL,
    work_order_id    uuid        NOT NULL,
    comment_id       uuid,
    file_name        text        NOT NULL,
    content_type     text        NOT NULL,
    size_bytes       bigint      NOT NULL CHECK (size_bytes >= 0),
    sha256           text        NOT NULL,
    visibility       text        NOT NULL CHECK (visibility IN ('PUBLIC', 'INTERNAL')),
    store            text        NOT NULL,
    storage_key      text        NOT NULL,
    uploaded_by      text        NOT NULL,
    uploaded_by_name text,
    created_at       timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, work_order_id) REFERENCES work_order (tenant_id, id),
    FOREIGN KEY (tenant_id, comment_id) REFERENCES work_order_comment (tenant_id, id)
);
CREATE INDEX attachment_order_idx ON attachment (tenant_id, work_order_id, created_at);
SELECT enable_tenant_isolation('attachment');
GRANT SELECT, INSERT, DELETE ON attachment TO ${appRole};

-- Media are mostly compressed already: EXTERNAL keeps them out of line without trying to compress them again.
CREATE TABLE attachment_chunk (
    tenant_id   uuid    NOT NULL REFERENCES tenant (id),
    storage_key text    NOT NULL,
    seq         integer NOT NULL CHECK (seq >= 0),
    data        bytea   NOT NULL,
    PRIMARY KEY (tenant_id, storage_key, seq)
);
ALTER TABLE attachment_chunk ALTER COLUMN data SET STORAGE EXTERNAL;
SELECT enable_tenant_isolation('attachment_chunk');
GRANT SELECT, INSERT, DELETE ON attachment_chunk TO ${appRole};
