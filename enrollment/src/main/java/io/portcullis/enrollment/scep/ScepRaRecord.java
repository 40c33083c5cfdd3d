package io.portcullis.enrollment.scep;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "scep_ra")
public class ScepRaRecord {

    @Id
    public String id;

    @Column(name = "certificate_der", nullable = false)
    public byte[] certificateDer;

    /** PKCS#12, private key encrypted like the CA keys (PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC). */
    @Column(nullable = false)
    public byte[] keystore;

    @Column(name = "not_after", nullable = false)
    public Instant notAfter;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
