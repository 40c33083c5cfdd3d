package io.portcullis.ca.certificate;

import io.portcullis.ca.keys.PemCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * An issued certificate as other modules see it: a snapshot of its row, taken inside the
 * reading transaction. Changing it changes nothing stored; only {@code ca-service} writes the
 * certificate table. {@code revokedAt}, {@code revocationReason} and {@code invalidityDate} are
 * null while the certificate is valid.
 */
public record StoredCertificate(String serialHex, String issuerId, CertificateStatus status, String profile, String subjectDn,
        String sanText, Instant notBefore, Instant notAfter, String fingerprintSha256, byte[] certificateDer, String requestedBy,
        Instant issuedAt, Instant revokedAt, String revocationReason, Instant invalidityDate) {

    public StoredCertificate {
        certificateDer = certificateDer == null ? null : certificateDer.clone();
    }

    @Override
    public byte[] certificateDer() {
        return certificateDer == null ? null : certificateDer.clone();
    }

    /**
     * valid, expired, on_hold or revoked, as the API and the admin UI name them. Expiry is not
     * stored: it follows from {@code notAfter} and the clock, so it is never stale.
     */
    public String statusAt(Instant now) {
        if (status == CertificateStatus.VALID && !now.isBefore(notAfter)) {
            return "expired";
        }
        return status.name().toLowerCase();
    }

    /** The certificate in PEM, as downloads and chains carry it. */
    public String pem() {
        try {
            return PemCodec.toPem(new X509CertificateHolder(certificateDer));
        } catch (IOException e) {
            throw new UncheckedIOException("stored certificate " + serialHex + " does not parse", e);
        }
    }
}
