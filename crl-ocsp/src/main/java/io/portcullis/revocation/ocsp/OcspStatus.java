package io.portcullis.revocation.ocsp;

import java.util.Arrays;

/**
 * OCSPResponseStatus (RFC 6960 4.2.1) as an open value type: the codes we send, and any other
 * code survives as itself. Error responses carry no body, so their DER is a constant.
 */
public record OcspStatus(int code) {

    public static final OcspStatus SUCCESSFUL = new OcspStatus(0);
    public static final OcspStatus MALFORMED_REQUEST = new OcspStatus(1);
    public static final OcspStatus INTERNAL_ERROR = new OcspStatus(2);
    public static final OcspStatus TRY_LATER = new OcspStatus(3);
    public static final OcspStatus UNAUTHORIZED = new OcspStatus(6);

    /** {@code OCSPResponse ::= SEQUENCE { responseStatus ENUMERATED }} with no responseBytes. */
    public byte[] errorResponse() {
        if (code == 0) {
            throw new IllegalStateException("a successful response has a body");
        }
        return new byte[] {0x30, 0x03, 0x0A, 0x01, (byte) code};
    }

    @Override
    public String toString() {
        return switch (code) {
            case 0 -> "successful";
            case 1 -> "malformedRequest";
            case 2 -> "internalError";
            case 3 -> "tryLater";
            case 5 -> "sigRequired";
            case 6 -> "unauthorized";
            default -> "status(" + code + ")";
        };
    }

    static boolean isError(byte[] response) {
        return response.length == 5 && Arrays.equals(Arrays.copyOf(response, 4), new byte[] {0x30, 0x03, 0x0A, 0x01});
    }
}
