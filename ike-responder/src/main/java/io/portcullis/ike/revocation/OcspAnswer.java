package io.portcullis.ike.revocation;

import io.portcullis.ike.exchange.auth.RevocationStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * A verified OCSP answer about one certificate.
 *
 * @param nextUpdate absent when the responder gave none (then newer information may be available at any time)
 * @param detail how it was verified (signer, nonce), for the decision log
 */
record OcspAnswer(RevocationStatus status, Instant thisUpdate, Optional<Instant> nextUpdate, String detail) {
}
