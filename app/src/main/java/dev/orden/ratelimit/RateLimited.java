package dev.orden.ratelimit;

import dev.orden.shared.problem.Problem;
import dev.orden.shared.problem.ProblemException;
import dev.orden.shared.problem.ProblemType;
import jakarta.ws.rs.core.Response;

/** A 429 problem that says, in {@code Retry-After}, when the next request will be accepted. */
public final class RateLimited extends ProblemException {

    private final long retryAfterSeconds;

    RateLimited(RateLimit limit, long retryAfterSeconds) {
        this("Too many " + what(limit) + "; try again in " + retryAfterSeconds + " s", retryAfterSeconds);
    }

    private RateLimited(String detail, long retryAfterSeconds) {
        super(Problem.of(ProblemType.RATE_LIMITED, detail));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Refused for the requests already in progress: one of them is likely done within a second. */
    static RateLimited inProgress(RateLimit limit) {
        return new RateLimited("Too many " + what(limit) + " in progress at once; try again in 1 s", 1);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public Response toResponse(String instance) {
        return Response.fromResponse(problem().at(instance).toResponse())
                .header("Retry-After", retryAfterSeconds).build();
    }

    private static String what(RateLimit limit) {
        return switch (limit) {
            case SIGNUP -> "sign-up attempts from your address";
            case CSAT_LINK -> "rating link requests from your address";
            case PUBLIC -> "requests from your address";
            case RULE_RUNS -> "rule runs for your organization";
            case TENANT_API -> "requests for your organization";
        };
    }
}
