package dev.orden.attachment;

import dev.orden.shared.persistence.TenantOwned;
import dev.orden.shared.persistence.NullableUuidConverter;
import dev.orden.workorder.Visibility;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A file on an order, or on one of its comments (whose visibility it takes): what Orden knows of it. Its bytes are
 * in the store named by {@code store}, under {@code storageKey}. Never changed once stored; removed whole.
 */
@Entity
@Table(name = "attachment")
public class Attachment extends TenantOwned {

    @Column(name = "work_order_id", nullable = false, updatable = false)
    private UUID workOrderId;

    @Convert(converter = NullableUuidConverter.class)
    @Column(name = "comment_id", updatable = false)
    private UUID commentId;

    @Column(name = "file_name", nullable = false, updatable = false)
    private String fileName;

    @Column(name = "content_type", nullable = false, updatable = false)
    private String contentType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long size;

    @Column(nullable = false, updatable = false)
    private String sha256;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Visibility visibility;

    @Column(nullable = false, updatable = false)
    private String store;

    @Column(name = "storage_key", nullable = false, updatable = false)
    private String storageKey;

    @Column(name = "uploaded_by", nullable = false, updatable = false)
    private String uploadedBy;

    @Column(name = "uploaded_by_name", updatable = false)
    private String uploadedByName;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Attachment() {}

    Attachment(UUID id, UUID workOrderId, UUID commentId, StoredFile file, Visibility visibility, String store,
               String uploadedBy, String uploadedByName) {
        super(id);
        this.workOrderId = workOrderId;
        this.commentId = commentId;
        this.fileName = file.name();
        this.contentType = file.contentType();
        this.size = file.size();
        this.sha256 = file.sha256();
        this.visibility = visibility;
        this.store = store;
        this.storageKey = file.key();
        this.uploadedBy = uploadedBy;
        this.uploadedByName = uploadedByName;
        this.createdAt = Instant.now();
    }

    /** What a store kept: under which key, and what the upload's stream showed of it. */
    record StoredFile(String key, String name, String contentType, long size, String sha256) {}

    public UUID workOrderId() {
        return workOrderId;
    }

    public UUID commentId() {
        return commentId;
    }

    public String fileName() {
        return fileName;
    }

    public String contentType() {
        return contentType;
    }

    public long size() {
        return size;
    }

    public String sha256() {
        return sha256;
    }

    public Visibility visibility() {
        return visibility;
    }

    public String store() {
        return store;
    }

    public String storageKey() {
        return storageKey;
    }

    public String uploadedBy() {
        return uploadedBy;
    }

    public String uploadedByName() {
        return uploadedByName;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
