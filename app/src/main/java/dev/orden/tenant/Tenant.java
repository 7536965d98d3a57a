package dev.orden.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A company using Orden; one Keycloak organization, whose alias is the slug. */
@Entity
@Table(name = "tenant")
public class Tenant {

    public enum Status { ACTIVE, SUSPENDED }

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, updatable = false)
    private String slug;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "keycloak_org_id")
    private String keycloakOrgId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Tenant() {}

    public Tenant(String slug, String name, String keycloakOrgId) {
        this.id = UUID.randomUUID();
        this.slug = slug;
        this.name = name;
        this.status = Status.ACTIVE;
        this.keycloakOrgId = keycloakOrgId;
        this.createdAt = Instant.now();
    }

    public UUID id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public Status status() {
        return status;
    }

    public String keycloakOrgId() {
        return keycloakOrgId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }
}
