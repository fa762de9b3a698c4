package io.dengta.commons.problem;

/**
 * The documented list of problem types (docs/api-guide.md). The {@code type} member of a problem is
 * {@code urn:dengta:problem:<slug>}.
 */
public enum ProblemType {
    VALIDATION("validation", "Request is not valid", 400),
    MALFORMED_REQUEST("malformed-request", "Request body could not be read", 400),
    UNAUTHORIZED("unauthorized", "Authentication is required", 401),
    FORBIDDEN("forbidden", "Not allowed", 403),
    NOT_FOUND("not-found", "Resource not found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", "Cannot produce an acceptable representation", 406),
    CONFLICT("conflict", "Conflict with the current state", 409),
    PRECONDITION_FAILED("precondition-failed", "Precondition failed", 412),
    PAYLOAD_TOO_LARGE("payload-too-large", "Request body is too large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", "Idempotency-Key was used with a different request", 422),
    RATE_LIMITED("rate-limited", "Too many requests", 429),
    INTERNAL("internal", "Unexpected error", 500),
    /** The gateway's: a service answered something that is not a valid answer (garbage, a dropped connection, a bare 5xx). */
    BAD_GATEWAY("bad-gateway", "A service this request needs gave an invalid answer", 502),
    DEPENDENCY_UNAVAILABLE("dependency-unavailable", "A service this request needs is unavailable", 503),
    DEPENDENCY_TIMEOUT("dependency-timeout", "A service this request needs did not answer in time", 504);

    public static final String URN_PREFIX = "urn:dengta:problem:";

    private final String slug;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public String uri() {
        return URN_PREFIX + slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    /** The type to answer with for an HTTP status that has no more specific cause. */
    public static ProblemType forStatus(int status) {
        for (ProblemType t : values()) {
            if (t.status == status && t != MALFORMED_REQUEST && t != IDEMPOTENCY_KEY_REUSED) {
                return t;
            }
        }
        return status >= 500 ? INTERNAL : VALIDATION;
    }
}
