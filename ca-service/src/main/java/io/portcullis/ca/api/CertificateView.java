package io.portcullis.ca.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.portcullis.ca.certificate.CertificateStatus;
import io.portcullis.ca.keys.PemCodec;
import io.portcullis.ca.store.CertificateRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;

/** A certificate as the API shows it. {@code status} is valid, on_hold, revoked or expired. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CertificateView(
        String serial,
        String status,
        String profile,
        String subject,
        List<String> subjectAltNames,
        Instant notBefore,
        Instant notAfter,
        String fingerprintSha256,
        Instant issuedAt,
        String requestedBy,
        Instant revokedAt,
        String revocationReason,
        Instant invalidityDate,
        String certificate) {

    public static CertificateView of(CertificateRecord r, Instant now) {
        return new CertificateView(r.serialHex, status(r, now), r.profile, r.subjectDn,
                r.sanText.isBlank() ? List.of() : Arrays.asList(r.sanText.split(" ")),
                r.notBefore, r.notAfter, r.fingerprintSha256, r.issuedAt, r.requestedBy, r.revokedAt,
                r.revocationReason, r.invalidityDate, pem(r.certificateDer));
    }

    static String status(CertificateRecord r, Instant now) {
        if (r.status == CertificateStatus.VALID && !now.isBefore(r.notAfter)) {
            return "expired";
        }
        return r.status.name().toLowerCase();
    }

    static String pem(byte[] der) {
        try {
            return PemCodec.toPem(new X509CertificateHolder(der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
