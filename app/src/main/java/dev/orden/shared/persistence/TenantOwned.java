package dev.orden.shared.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A row that belongs to one tenant. EclipseLink adds {@code tenant_id = :current tenant} to every query and fills
 * the column on insert; PostgreSQL's row-level security enforces the same rule underneath (see
 * {@link TenantEntityManager}). The column leads the primary key, as in the schema.
 */
@MappedSuperclass
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantEntityManager.TENANT_PROPERTY,
        primaryKey = true)
public abstract class TenantOwned {

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id;

    protected TenantOwned() {}

    protected TenantOwned(UUID id) {
        this.id = id;
    }

    /** For aggregates that create their identity in a factory method. */
    protected void setId(UUID id) {
        this.id = id;
    }

    public UUID id() {
        return id;
    }
}
