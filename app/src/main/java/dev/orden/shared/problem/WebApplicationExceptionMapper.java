package dev.orden.shared.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The framework's own errors (unknown path, wrong method or media type, unreadable body) as problems. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(WebApplicationException exception) {
        var cause = ProblemException.causing(exception);
        if (cause.isPresent()) return cause.get().problem().at(uriInfo.getPath()).toResponse();
        int status = exception.getResponse().getStatus();
        var problem = switch (status) {
            case 400 -> Problem.of(ProblemType.MALFORMED_REQUEST, "The body or a parameter is not valid JSON of the expected shape");
            case 401, 403 -> BareRefusals.problem(status);
            case 404 -> Problem.of(ProblemType.NOT_FOUND, "No such resource");
            case 415 -> Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send application/json");
            default -> new Problem("about:blank", exception.getResponse().getStatusInfo().getReasonPhrase(), status,
                    exception.getMessage(), null, null);
        };
        var response = problem.at(uriInfo.getPath()).toResponse();
        exception.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) values.forEach(v -> response.getHeaders().add(name, v));
        });
        return response;
    }
}
