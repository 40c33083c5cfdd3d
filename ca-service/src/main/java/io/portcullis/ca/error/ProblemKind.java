package io.portcullis.ca.error;

/**
 * The small, closed vocabulary of failures Portcullis reports. Each kind maps to exactly one HTTP
 * status, so resources never choose status codes themselves.
 */
public enum ProblemKind {
    BAD_REQUEST(400),
    UNAUTHORIZED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    CONFLICT(409),
    TOO_MANY_REQUESTS(429),
    UNAVAILABLE(503),
    INTERNAL(500);

    private final int httpStatus;

    ProblemKind(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
