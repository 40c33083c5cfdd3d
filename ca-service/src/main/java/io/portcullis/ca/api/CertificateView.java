package io.portcullis.ca.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.portcullis.ca.certificate.StoredCertificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

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

    public static CertificateView of(StoredCertificate r, Instant now) {
        return new CertificateView(r.serialHex(), r.statusAt(now), r.profile(), r.subjectDn(),
                r.sanText().isBlank() ? List.of() : Arrays.asList(r.sanText().split(" ")),
                r.notBefore(), r.notAfter(), r.fingerprintSha256(), r.issuedAt(), r.requestedBy(), r.revokedAt(),
                r.revocationReason(), r.invalidityDate(), r.pem());
    }
}
