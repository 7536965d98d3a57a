package dev.orden.tenant;

import dev.orden.identity.CurrentUser;
import dev.orden.identity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Set;
import java.util.UUID;

/** Test tenants for in-container tests: rows of their own (slugs unique per run), and a request acting for one. */
@ApplicationScoped
public class TestTenants {

    @Inject
    TenantRepository tenants;

    @Inject
    TenantContext context;

    /** A new active tenant, committed. The tenant table is not tenant-owned: no binding needed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Tenant create(String label) {
        var unique = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        var tenant = new Tenant("arq-" + label + "-" + unique, "Arquillian " + label, null);
        tenants.add(tenant);
        return tenant;
    }

    /**
     * Makes the current request act for {@code tenant}, as {@link TenantResolver} does for a verified token. Needs
     * an active request context (the test's own request, or one activated on a worker thread).
     */
    public void actAs(Tenant tenant) {
        var user = "arq-agent@" + tenant.slug();
        context.resolved(tenant, new CurrentUser(UUID.randomUUID().toString(), user, user, "Arquillian agent",
                Set.of(Role.AGENT)));
    }
}
