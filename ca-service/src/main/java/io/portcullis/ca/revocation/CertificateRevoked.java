package io.portcullis.ca.revocation;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;

/**
 * Published (CDI event) when a certificate is revoked or put on hold. Subscribers that act on the
 * outside world (OCSP cache, CRL, IKE tunnels) should observe it with
 * {@code during = TransactionPhase.AFTER_SUCCESS}, so a rolled-back revocation has no effect.
 */
public record CertificateRevoked(BigInteger serial, String issuerId, RevocationReason reason, Instant revokedAt,
        Optional<Instant> invalidityDate) {
}
