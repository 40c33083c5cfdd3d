package io.portcullis.ca.store;

import io.portcullis.ca.authority.CaCertificate;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A certificate authority of the hierarchy, with its encrypted key store. Its {@code id} is one of {@link io.portcullis.ca.authority.CaIds}. */
@Entity
@Table(name = "certificate_authority")
public class CaRecord {

    @Id
    public String id;

    @Column(name = "parent_id")
    public String parentId;

    @Column(name = "subject_dn", nullable = false)
    public String subjectDn;

    @Column(name = "serial_hex", nullable = false)
    public String serialHex;

    @Column(name = "key_algorithm", nullable = false)
    public String keyAlgorithm;

    @Column(name = "certificate_der", nullable = false)
    public byte[] certificateDer;

    /** PKCS#12 bytes; the private key inside is encrypted (PBES2, AES-256). */
    @Column(nullable = false)
    public byte[] keystore;

    @Column(name = "not_before", nullable = false)
    public Instant notBefore;

    @Column(name = "not_after", nullable = false)
    public Instant notAfter;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The CA without its key store, for modules that only show or chain its certificate. */
    public CaCertificate snapshot() {
        return new CaCertificate(id, parentId, subjectDn, serialHex, keyAlgorithm, certificateDer, notBefore, notAfter);
    }
}
