package dev.orden.shared.persistence;

import dev.orden.tenant.TenantContext;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Optional;
import java.util.UUID;

/**
 * The only way application code reaches tenant-owned data. Binds the current tenant to the transaction twice over:
 * EclipseLink's tenant discriminator (JPA filter) and PostgreSQL's {@code app.tenant_id} setting read by the
 * row-level security policies. The setting is transaction-local, so a pooled connection never carries it to
 * the next borrower.
 */
@ApplicationScoped
public class TenantEntityManager {

    public static final String TENANT_PROPERTY = "eclipselink.tenant-id";
    private static final String BOUND_TENANT = TenantEntityManager.class.getName() + ".tenant";

    @PersistenceContext(unitName = "orden")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    TenantContext tenantContext;

    /**
     * The entity manager of the current transaction, bound to its tenant: the one already bound (a background job
     * binds its tenant first, then uses the same repositories as a request), else the caller's.
     */
    public EntityManager em() {
        var bound = transactions.getTransactionKey() == null ? null : (UUID) transactions.getResource(BOUND_TENANT);
        return bind(bound != null ? bound : tenantContext.tenantId());
    }

    /** The tenant the current transaction is bound to, if any. */
    public Optional<UUID> boundTenant() {
        return transactions.getTransactionKey() == null
                ? Optional.empty()
                : Optional.ofNullable((UUID) transactions.getResource(BOUND_TENANT));
    }

    /** For work that runs for a tenant outside a request (provisioning, background jobs). */
    public EntityManager bind(UUID tenantId) {
        if (transactions.getTransactionKey() == null) {
            throw new IllegalStateException("Tenant data is only reached inside a transaction");
        }
        var bound = (UUID) transactions.getResource(BOUND_TENANT);
        if (bound == null) {
            em.setProperty(TENANT_PROPERTY, tenantId.toString());
            em.createNativeQuery("SELECT set_config('app.tenant_id', ?1, true)")
                    .setParameter(1, tenantId.toString())
                    .getSingleResult();
            transactions.putResource(BOUND_TENANT, tenantId);
        } else if (!bound.equals(tenantId)) {
            throw new IllegalStateException("One transaction may not touch two tenants");
        }
        return em;
    }
}
