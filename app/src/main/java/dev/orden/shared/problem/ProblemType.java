package dev.orden.shared.problem;

/** The kinds of problems the API reports; each has one status and a stable type URI. */
public enum ProblemType {
    MALFORMED_REQUEST(400, "malformed-request", "The request could not be read"),
    UNAUTHENTICATED(401, "unauthenticated", "Authentication required"),
    NO_TENANT(403, "no-tenant", "The token does not name exactly one known organization"),
    FORBIDDEN(403, "forbidden", "Not allowed"),
    NOT_FOUND(404, "not-found", "Not found"),
    CONFLICT(409, "conflict", "Conflict"),
    STALE_VERSION(409, "stale-version", "The resource was changed by someone else"),
    ILLEGAL_TRANSITION(409, "illegal-transition", "Transition not allowed"),
    GONE(410, "gone", "No longer available"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request body is too large"),
    QUOTA_EXCEEDED(413, "quota-exceeded", "The tenant's storage quota would be exceeded"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    CONTENT_REFUSED(422, "content-refused", "A content scanner refused the file"),
    VALIDATION(422, "validation", "The request has invalid fields"),
    RULE_REJECTED(422, "rule-rejected", "A flow rule of the tenant rejected the change"),
    PRECONDITION_REQUIRED(428, "precondition-required", "The version being changed is required"),
    RATE_LIMITED(429, "rate-limited", "Too many requests"),
    UPSTREAM_FAILURE(502, "upstream-failure", "A service Orden depends on failed"),
    UNAVAILABLE(503, "unavailable", "Temporarily unavailable"),
    INTERNAL(500, "internal", "Internal error");

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }
}
