package dev.orden.ratelimit;

import dev.orden.tenant.Tenant;
import dev.orden.tenant.TenantContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Where every API request is counted, once the token has named its tenant ({@code TenantResolver} runs first): the
 * tenant's quota for any request of a tenant, then the limit the resource declares with {@link Limited} (or, for a
 * request without a token, the public one). Over a limit the request is refused before any work with a 429
 * problem and {@code Retry-After}.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 100)
public class RateLimitFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Inject
    TenantContext context;

    @Inject
    RateLimits limits;

    @Override
    public void filter(ContainerRequestContext request) {
        var tenant = context.resolved().map(Tenant::slug);
        try {
            tenant.ifPresent(slug -> limits.acquire(RateLimit.TENANT_API, slug));
            var limit = declared().or(() -> request.getSecurityContext().getUserPrincipal() == null
                    ? Optional.of(RateLimit.PUBLIC) : Optional.empty());
            if (limit.isEmpty()) return;
            switch (limit.get().per()) {
                case CLIENT_ADDRESS -> limits.acquire(limit.get(), ClientAddress.key(servletRequest.getRemoteAddr()));
                case TENANT -> tenant.ifPresent(slug -> limits.acquire(limit.get(), slug));
            }
        } catch (RateLimited e) {
            request.abortWith(e.toResponse(request.getUriInfo().getPath()));
        }
    }

    private Optional<RateLimit> declared() {
        var method = resource.getResourceMethod();
        var onMethod = method == null ? null : method.getAnnotation(Limited.class);
        if (onMethod != null) return Optional.of(onMethod.value());
        var type = resource.getResourceClass();
        var onType = type == null ? null : type.getAnnotation(Limited.class);
        return Optional.ofNullable(onType).map(Limited::value);
    }
}
