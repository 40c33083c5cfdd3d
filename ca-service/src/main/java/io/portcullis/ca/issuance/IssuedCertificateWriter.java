package io.portcullis.ca.issuance;

import io.portcullis.ca.authority.CaIds;
import io.portcullis.ca.certificate.CertificateStatus;
import io.portcullis.ca.certificate.Serials;
import io.portcullis.ca.store.CertificateRecord;
import io.portcullis.ca.store.CertificateRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * Stores a freshly signed certificate as one new VALID row. The serial's primary key makes the
 * database the judge of uniqueness: should a random serial ever repeat (odds 2^-127 per pair),
 * the insert fails, the transaction rolls back and the duplicate never leaves this process.
 * One insert at commit, rather than reserving a row before signing and completing it after,
 * halves the database statements of an issuance.
 */
@ApplicationScoped
public class IssuedCertificateWriter {

    private final CertificateRepository certificates;
    private final Clock clock;

    public IssuedCertificateWriter(CertificateRepository certificates, Clock clock) {
        this.certificates = certificates;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public CertificateRecord store(BigInteger serial, X509CertificateHolder certificate, String profile, String requester) {
        byte[] der = encoded(certificate);
        CertificateRecord row = new CertificateRecord();
        row.serialHex = Serials.toHex(serial);
        row.issuerId = CaIds.ISSUING;
        row.status = CertificateStatus.VALID;
        row.profile = profile;
        row.requestedBy = requester;
        row.issuedAt = clock.instant();
        row.certificateDer = der;
        row.fingerprintSha256 = HexFormat.of().formatHex(sha256(der));
        row.subjectDn = certificate.getSubject().toString();
        row.sanText = String.join(" ", SanText.render(certificate.getExtensions()));
        row.notBefore = certificate.getNotBefore().toInstant();
        row.notAfter = certificate.getNotAfter().toInstant();
        certificates.persist(row);
        return row;
    }

    private static byte[] encoded(X509CertificateHolder certificate) {
        try {
            return certificate.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
