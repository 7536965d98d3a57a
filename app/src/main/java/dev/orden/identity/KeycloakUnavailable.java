package dev.orden.identity;

import dev.orden.shared.problem.Problem;
import dev.orden.shared.problem.ProblemException;
import dev.orden.shared.problem.ProblemType;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Keycloak did not answer (refused, reset, timed out): a 503 problem the caller may retry after a while. */
public class KeycloakUnavailable extends ProblemException {

    /** Seconds a client should wait before trying again: about a readiness probe's period. */
    static final int RETRY_AFTER_SECONDS = 10;

    KeycloakUnavailable(String detail) {
        super(Problem.of(ProblemType.UNAVAILABLE, detail));
    }

    /** The problem with {@code Retry-After}; more specific than ProblemExceptionMapper, so JAX-RS picks it. */
    @Provider
    public static class Mapper implements ExceptionMapper<KeycloakUnavailable> {

        @Context
        UriInfo uriInfo;

        @Override
        public Response toResponse(KeycloakUnavailable exception) {
            return Response.fromResponse(exception.problem().at(uriInfo.getPath()).toResponse())
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
    }
}
