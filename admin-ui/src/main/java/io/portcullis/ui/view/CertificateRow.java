package io.portcullis.ui.view;

import io.portcullis.ca.certificate.StoredCertificate;
import java.time.Instant;

/** One line of the certificate listing. */
public record CertificateRow(String serial, String status, String profile, String subject, String sans, Instant notAfter, Instant issuedAt) {

    public static CertificateRow of(StoredCertificate r, Instant now) {
        return new CertificateRow(r.serialHex(), r.statusAt(now), r.profile(), r.subjectDn(), r.sanText(), r.notAfter(), r.issuedAt());
    }
}
