package io.portcullis.ca.revocation;

import java.math.BigInteger;
import java.time.Instant;

/** Published when a certificate on hold is released (removeFromCRL) and is valid again. */
public record CertificateReleased(BigInteger serial, String issuerId, Instant releasedAt) {
}
