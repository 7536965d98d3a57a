package dev.orden.tenant;

import dev.orden.identity.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Background work (scheduled jobs) done for one tenant as a request of that tenant would be: a request context of
 * its own in which {@link TenantContext} names the tenant and {@code actor}, so that the same services a request
 * uses (active configuration, rules, effects) serve it unchanged. Never for a thread already in a request.
 */
@ApplicationScoped
public class TenantWork {

    @Inject
    TenantContext context;

    @PersistenceContext(unitName = "orden")
    EntityManager em;

    /** Runs {@code work} as {@code actor} of the tenant; a tenant that is gone or suspended runs nothing. */
    @ActivateRequestContext
    public <T> T run(UUID tenantId, CurrentUser actor, Callable<T> work) throws Exception {
        var tenant = em.find(Tenant.class, tenantId);
        if (tenant == null || !tenant.isActive()) {
            throw new IllegalStateException("Tenant " + tenantId + " is not an active tenant");
        }
        context.resolved(tenant, actor);
        return work.call();
    }
}
