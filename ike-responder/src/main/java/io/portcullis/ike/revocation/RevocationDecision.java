package io.portcullis.ike.revocation;

import io.portcullis.ike.exchange.auth.RevocationStatus;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * One revocation decision about one certificate, with where it came from and why: what the
 * server logs (and may audit) for every peer it checks.
 *
 * @param source {@code ocsp}, {@code ocsp-cache}, {@code crl}, {@code crl-cache} or {@code none}
 * @param reason why this status; for UNKNOWN, every source's failure in order
 */
public record RevocationDecision(BigInteger serial, String subject, String issuer, RevocationStatus status,
        String source, String reason, Instant at) {

    public RevocationDecision {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return "revocation: serial=" + serial.toString(16) + " subject=\"" + subject + "\" status=" + status
                + " source=" + source + " reason=\"" + reason + "\"";
    }
}
