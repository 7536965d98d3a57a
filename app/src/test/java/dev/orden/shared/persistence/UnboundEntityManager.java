package dev.orden.shared.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The application's container EntityManager with no tenant bound: what code that bypassed
 * {@link TenantEntityManager} would get. For tests that check nothing is left over from a bound transaction.
 */
@ApplicationScoped
public class UnboundEntityManager {

    @PersistenceContext(unitName = "orden")
    EntityManager em;

    public EntityManager get() {
        return em;
    }
}
