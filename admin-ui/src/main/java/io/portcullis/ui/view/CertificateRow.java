package io.portcullis.ui.view;

import io.portcullis.ca.store.CertificateRecord;
import java.time.Instant;

/** One line of the certificate listing. */
public record CertificateRow(String serial, String status, String profile, String subject, String sans, Instant notAfter, Instant issuedAt) {

    public static CertificateRow of(CertificateRecord r, Instant now) {
        return new CertificateRow(r.serialHex, CertificateDetails.status(r, now), r.profile, r.subjectDn, r.sanText, r.notAfter, r.issuedAt);
    }
}
