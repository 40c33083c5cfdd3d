package io.portcullis.ca.store;

import io.portcullis.ca.certificate.CertificateStatus;
import io.portcullis.ca.certificate.StoredCertificate;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An issued certificate and its revocation state. The serial is lower-case hex without leading zeros. */
@Entity
@Table(name = "certificate")
public class CertificateRecord {

    @Id
    @Column(name = "serial_hex")
    public String serialHex;

    @Column(name = "issuer_id", nullable = false)
    public String issuerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CertificateStatus status;

    @Column(nullable = false)
    public String profile;

    @Column(name = "subject_dn", nullable = false)
    public String subjectDn;

    @Column(name = "san_text", nullable = false)
    public String sanText;

    @Column(name = "not_before", nullable = false)
    public Instant notBefore;

    @Column(name = "not_after", nullable = false)
    public Instant notAfter;

    @Column(name = "fingerprint_sha256")
    public String fingerprintSha256;

    @Column(name = "certificate_der")
    public byte[] certificateDer;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revocation_reason")
    public String revocationReason;

    @Column(name = "invalidity_date")
    public Instant invalidityDate;

    /** What other modules may see of this row: a copy, so nothing outside ca-service can change the table. */
    public StoredCertificate snapshot() {
        return new StoredCertificate(serialHex, issuerId, status, profile, subjectDn, sanText, notBefore, notAfter,
                fingerprintSha256, certificateDer, requestedBy, issuedAt, revokedAt, revocationReason, invalidityDate);
    }
}
