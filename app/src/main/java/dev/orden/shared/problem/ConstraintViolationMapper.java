package dev.orden.shared.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;

/** Bean Validation failures on request bodies and parameters become 422 with one entry per field. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        if (exception.getConstraintViolations() == null || exception.getConstraintViolations().isEmpty()) {
            // RESTEasy reports a body it could not validate at all (a JSON array where an object belongs) so.
            return Problem.of(ProblemType.MALFORMED_REQUEST, "The body is not valid JSON of the expected shape")
                    .at(uriInfo.getPath())
                    .toResponse();
        }
        var errors = exception.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return Problem.of(ProblemType.VALIDATION, "See errors for the fields to fix", errors)
                .at(uriInfo.getPath())
                .toResponse();
    }

    /** The path below the method's parameter: {@code create.request.title} becomes {@code title}. */
    static String fieldName(ConstraintViolation<?> violation) {
        String parameter = null;
        var below = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR -> {}
                case PARAMETER -> parameter = node.getName();
                default -> {
                    if (!below.isEmpty()) below.append('.');
                    below.append(node.getName());
                }
            }
        }
        return below.isEmpty() ? String.valueOf(parameter) : below.toString();
    }
}
