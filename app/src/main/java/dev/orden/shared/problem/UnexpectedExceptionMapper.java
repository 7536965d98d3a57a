package dev.orden.shared.problem;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything else. Transaction interceptors wrap what a service threw, so the cause chain is searched for a known
 * failure first (a database out of reach is a 503, {@link DatabaseUnavailable}); only the truly unexpected becomes a
 * 500, logged with an id the client can quote.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Context
    Providers providers;

    @Override
    public Response toResponse(Throwable exception) {
        var problem = ProblemException.causing(exception);
        if (problem.isPresent()) return problem.get().problem().at(uriInfo.getPath()).toResponse();
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation) {
                return providers.getExceptionMapper(ConstraintViolationException.class).toResponse(violation);
            }
            if (cause.getClass().getSimpleName().equals("OptimisticLockException")) {
                return Problem.of(ProblemType.STALE_VERSION, "Reload it and apply your change again")
                        .at(uriInfo.getPath()).toResponse();
            }
        }
        if (exception.getClass().getSimpleName().equals("OptimisticLockException")) {
            return Problem.of(ProblemType.STALE_VERSION, "Reload it and apply your change again")
                    .at(uriInfo.getPath()).toResponse();
        }
        if (DatabaseUnavailable.causes(exception)) {
            LOG.warning(() -> "Database unreachable for " + uriInfo.getPath() + ": " + exception);
            return DatabaseUnavailable.response(uriInfo.getPath());
        }
        var incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, exception);
        return Problem.of(ProblemType.INTERNAL, "Unexpected failure; quote incident " + incident)
                .at(uriInfo.getPath()).toResponse();
    }
}
