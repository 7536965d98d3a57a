package dev.orden.shared.problem;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A request body JSON-B could not bind to its record (transitions, assignment, comments, sign-up): not JSON or
 * not an object is 400, a value of the wrong type is 422 naming the field. JSON-B also writes responses, but
 * only the API's own records, which it always can.
 */
@Provider
public class JsonbExceptionMapper implements ExceptionMapper<JsonbException> {

    private static final Pattern PROPERTY = Pattern.compile("Unable to deserialize property '([^']+)'");

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(JsonbException exception) {
        var cause = ProblemException.causing(exception);
        if (cause.isPresent()) return cause.get().problem().at(uriInfo.getPath()).toResponse();
        var property = PROPERTY.matcher(String.valueOf(exception.getMessage()));
        var problem = !isSyntaxError(exception) && property.find()
                ? Problem.of(ProblemType.VALIDATION, "See errors for the fields to fix",
                        List.of(new FieldError(property.group(1), "has the wrong type")))
                : Problem.of(ProblemType.MALFORMED_REQUEST, "The body is not valid JSON of the expected shape");
        return problem.at(uriInfo.getPath()).toResponse();
    }

    private static boolean isSyntaxError(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParsingException) return true;
        }
        return String.valueOf(exception.getMessage()).contains("Invalid token");
    }
}
