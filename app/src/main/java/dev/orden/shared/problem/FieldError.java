package dev.orden.shared.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * One invalid field of a request, as listed in a problem's {@code errors}. When the request is a set of files (a
 * tenant configuration folder or zip), {@code file} names the file the field lives in and {@code pointer} is the
 * JSON pointer inside that file; both are left out otherwise.
 */
@JsonbPropertyOrder({"field", "file", "pointer", "message"})
public record FieldError(String field, String message, String file, String pointer) {

    public FieldError(String field, String message) {
        this(field, message, null, null);
    }

    /** The same error, placed in {@code file} at {@code pointer}. */
    public FieldError in(String file, String pointer) {
        return new FieldError(field, message, file, pointer);
    }
}
