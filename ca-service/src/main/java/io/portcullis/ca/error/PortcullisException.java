package io.portcullis.ca.error;

/**
 * The one exception type that crosses module boundaries. It carries an RFC 9457 problem: a
 * {@link ProblemKind} (which fixes the HTTP status), a stable machine-readable {@code type} slug
 * such as {@code malformed-csr}, and a human-readable detail that names exactly what was wrong.
 *
 * <p>The detail is shown to the caller, so it must never contain secrets or private key material.
 */
public class PortcullisException extends RuntimeException {

    private final ProblemKind kind;
    private final String type;

    public PortcullisException(ProblemKind kind, String type, String detail) {
        super(detail);
        this.kind = kind;
        this.type = type;
    }

    public PortcullisException(ProblemKind kind, String type, String detail, Throwable cause) {
        super(detail, cause);
        this.kind = kind;
        this.type = type;
    }

    public static PortcullisException badRequest(String type, String detail) {
        return new PortcullisException(ProblemKind.BAD_REQUEST, type, detail);
    }

    public static PortcullisException badRequest(String type, String detail, Throwable cause) {
        return new PortcullisException(ProblemKind.BAD_REQUEST, type, detail, cause);
    }

    public static PortcullisException notFound(String type, String detail) {
        return new PortcullisException(ProblemKind.NOT_FOUND, type, detail);
    }

    public static PortcullisException conflict(String type, String detail) {
        return new PortcullisException(ProblemKind.CONFLICT, type, detail);
    }

    public static PortcullisException internal(String type, String detail, Throwable cause) {
        return new PortcullisException(ProblemKind.INTERNAL, type, detail, cause);
    }

    public ProblemKind kind() {
        return kind;
    }

    /** Stable slug, e.g. {@code weak-key}; becomes the problem's {@code type} URI suffix. */
    public String type() {
        return type;
    }

    public String detail() {
        return getMessage();
    }
}
