package dev.orden.shared.problem;

import java.util.List;
import java.util.Optional;

/** Thrown by application code to answer with a problem; mapped by {@link ProblemExceptionMapper}. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(ProblemType type, String detail) {
        this(Problem.of(type, detail));
    }

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** The problem somewhere in {@code failure}'s causes, e.g. thrown inside a body reader the framework wrapped. */
    public static Optional<ProblemException> causing(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) return Optional.of(problem);
        }
        return Optional.empty();
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " not found");
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(Problem.of(ProblemType.VALIDATION, "See errors for the fields to fix", errors));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail);
    }
}
