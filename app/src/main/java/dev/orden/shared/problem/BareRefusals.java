package dev.orden.shared.problem;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;

/**
 * The 401s and 403s nobody wrote a body for, as problems. Liberty refuses a request to a {@code @RolesAllowed}
 * resource without a usable token (none, or one mpJwt rejected: unsigned, foreign, expired, edited) by aborting it
 * with a bare status after its mpJwt has set {@code WWW-Authenticate} on the servlet response; no exception mapper
 * sees that. A response filter does, since it also runs on aborted requests. The challenge is added only when
 * neither side has one.
 */
@Provider
@Priority(Priorities.USER)
public class BareRefusals implements ContainerResponseFilter {

    static final String CHALLENGE = "Bearer realm=\"orden\"";

    @Context
    UriInfo uriInfo;

    @Context
    HttpServletResponse servletResponse;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (response.hasEntity() || (status != 401 && status != 403)) return;
        response.setEntity(problem(status).at(uriInfo.getPath()), null, Problem.MEDIA);
        if (status == 401 && !response.getHeaders().containsKey(HttpHeaders.WWW_AUTHENTICATE)
                && !servletResponse.containsHeader(HttpHeaders.WWW_AUTHENTICATE)) {
            response.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        }
    }

    /** The problem of a refusal: 401 without a usable token, 403 when its roles do not allow the request. */
    static Problem problem(int status) {
        return status == 401 ? Problem.of(ProblemType.UNAUTHENTICATED, "A valid bearer token is required")
                : Problem.of(ProblemType.FORBIDDEN, "Your roles do not allow this");
    }
}
