package dev.orden.config;

import dev.orden.shared.persistence.JsonbTextConverter;
import dev.orden.shared.persistence.TenantEntityManager;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * One numbered version of a tenant's configuration bundle. A draft may be replaced until it is published; a
 * published version never changes (the database refuses it too).
 */
@Entity
@Table(name = "config_version")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantEntityManager.TENANT_PROPERTY,
        primaryKey = true)
public class ConfigVersion {

    public enum Status { DRAFT, PUBLISHED }

    @Id
    @Column(name = "version", nullable = false, updatable = false)
    private int version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Convert(converter = JsonbTextConverter.class)
    @Column(nullable = false)
    private String bundle;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "published_by")
    private String publishedBy;

    @Column(name = "published_at")
    private Instant publishedAt;

    private String note;

    protected ConfigVersion() {}

    private ConfigVersion(int version, String bundle, String author, String note) {
        this.version = version;
        this.status = Status.DRAFT;
        this.bundle = bundle;
        this.createdBy = author;
        this.createdAt = Instant.now();
        this.note = note;
    }

    static ConfigVersion draft(int version, String bundle, String author) {
        return new ConfigVersion(version, bundle, author, null);
    }

    /** A version published the moment it is made: seeding and rollback. */
    static ConfigVersion published(int version, String bundle, String author, String note) {
        var made = new ConfigVersion(version, bundle, author, note);
        made.publish(author);
        return made;
    }

    void replaceDraft(String bundle, String author) {
        if (status != Status.DRAFT) throw new IllegalStateException("Version " + version + " is published");
        this.bundle = bundle;
        this.createdBy = author;
        this.createdAt = Instant.now();
    }

    void publish(String publisher) {
        publish(publisher, note);
    }

    void publish(String publisher, String note) {
        if (status != Status.DRAFT) throw new IllegalStateException("Version " + version + " is published");
        this.note = note;
        this.status = Status.PUBLISHED;
        this.publishedBy = publisher;
        this.publishedAt = Instant.now();
    }

    public int version() { return version; }
    public Status status() { return status; }
    public String bundle() { return bundle; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public String publishedBy() { return publishedBy; }
    public Instant publishedAt() { return publishedAt; }
    public String note() { return note; }
}
