package dev.orden.attachment;

import dev.orden.shared.persistence.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A file sent before its order exists (a new-order form's attachment field): stored and checked like an
 * attachment, its user's only, until a create request turns it into one of the order's attachments or it expires.
 */
@Entity
@Table(name = "attachment_upload")
public class StagedUpload extends TenantOwned {

    @Column(name = "file_name", nullable = false, updatable = false)
    private String fileName;

    @Column(name = "content_type", nullable = false, updatable = false)
    private String contentType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long size;

    @Column(nullable = false, updatable = false)
    private String sha256;

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

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    protected StagedUpload() {}

    StagedUpload(UUID id, Attachment.StoredFile file, String store, String uploadedBy, String uploadedByName,
                 Instant expiresAt) {
        super(id);
        this.fileName = file.name();
        this.contentType = file.contentType();
        this.size = file.size();
        this.sha256 = file.sha256();
        this.store = store;
        this.storageKey = file.key();
        this.uploadedBy = uploadedBy;
        this.uploadedByName = uploadedByName;
        this.createdAt = Instant.now();
        this.expiresAt = expiresAt;
    }

    Attachment.StoredFile file() {
        return new Attachment.StoredFile(storageKey, fileName, contentType, size, sha256);
    }

    String fileName() {
        return fileName;
    }

    String contentType() {
        return contentType;
    }

    long size() {
        return size;
    }

    String sha256() {
        return sha256;
    }

    String store() {
        return store;
    }

    String storageKey() {
        return storageKey;
    }

    String uploadedBy() {
        return uploadedBy;
    }

    String uploadedByName() {
        return uploadedByName;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
