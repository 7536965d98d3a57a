package dev.orden.shared.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** An RFC 9457 problem detail. */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** Built directly: {@code MediaType.valueOf} needs a JAX-RS runtime, which plain unit tests do not have. */
    public static final MediaType MEDIA = new MediaType("application", "problem+json");
    private static final String TYPE_BASE = "https://orden.dev/problems/";

    public Problem {
        errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(TYPE_BASE + type.slug(), type.title(), type.status(), detail, null, null);
    }

    public static Problem of(ProblemType type, String detail, List<FieldError> errors) {
        return new Problem(TYPE_BASE + type.slug(), type.title(), type.status(), detail, null, errors);
    }

    public Problem at(String instance) {
        return new Problem(type, title, status, detail, instance, errors);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA).entity(this).build();
    }
}
