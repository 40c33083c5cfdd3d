package io.portcullis.revocation.ocsp;

import java.time.Instant;
import java.util.Optional;

/**
 * An OCSP response ready to send: its DER, and for successful responses that may be cached by
 * HTTP (no nonce), when it was produced and when it stops being valid.
 */
public record OcspAnswer(byte[] der, OcspStatus status, Optional<Caching> caching) {

    public record Caching(Instant producedAt, Instant nextUpdate, String etag) {
    }

    public static OcspAnswer error(OcspStatus status) {
        return new OcspAnswer(status.errorResponse(), status, Optional.empty());
    }
}
