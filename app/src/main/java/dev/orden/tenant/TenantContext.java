package dev.orden.tenant;

import dev.orden.identity.CurrentUser;
import dev.orden.shared.problem.ProblemException;
import dev.orden.shared.problem.ProblemType;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * The tenant and user of the current request, resolved once from the verified token by {@link TenantResolver}.
 * Asking for them when the token named no known organization is a 403: the tenant is never guessed.
 */
@RequestScoped
public class TenantContext {

    private Tenant tenant;
    private CurrentUser user;
    private String failure = "No bearer token";

    void resolved(Tenant tenant, CurrentUser user) {
        this.tenant = tenant;
        this.user = user;
        this.failure = null;
    }

    void unresolved(String reason) {
        this.failure = reason;
    }

    public Tenant tenant() {
        if (tenant == null) throw new ProblemException(ProblemType.NO_TENANT, failure);
        return tenant;
    }

    /** The tenant if the token named one, for what must not fail without one (the rate limits). */
    public Optional<Tenant> resolved() {
        return Optional.ofNullable(tenant);
    }

    public UUID tenantId() {
        return tenant().id();
    }

    public CurrentUser user() {
        tenant();
        return user;
    }
}
