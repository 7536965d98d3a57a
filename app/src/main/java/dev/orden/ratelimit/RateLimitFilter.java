package dev.orden.ratelimit;

import dev.orden.tenant.Tenant;
import dev.orden.tenant.TenantContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where every API request is counted, once the token has named its tenant ({@code TenantResolver} runs first): the
 * tenant's quota for any request of a tenant (a rate, and a cap on its requests in progress, whose place is given
 * back when the response starts), then the limit the resource declares with {@link Limited} (or, for a request
 * without a token, the public one). Over a limit the request is refused before any work with a 429 problem and
 * {@code Retry-After}.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 100)
public class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** The request's {@link InFlight.Permit} (a request property, i.e. a servlet request attribute). */
    static final String PERMIT = "dev.orden.ratelimit.permit";

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
            if (tenant.isPresent()) {
                limits.acquire(RateLimit.TENANT_API, tenant.get());
                if (!streams()) request.setProperty(PERMIT, limits.enter(RateLimit.TENANT_API, tenant.get()));
            }
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

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(PERMIT) instanceof InFlight.Permit permit) permit.release();
    }

    /** A live stream stays open for hours: it is counted in the rate, not among the requests in progress. */
    private boolean streams() {
        var method = resource.getResourceMethod();
        var produces = method == null ? null : method.getAnnotation(Produces.class);
        return produces != null && Arrays.asList(produces.value()).contains(MediaType.SERVER_SENT_EVENTS);
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
