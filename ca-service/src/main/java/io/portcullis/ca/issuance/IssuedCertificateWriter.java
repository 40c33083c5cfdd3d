package io.portcullis.ca.issuance;

import io.portcullis.ca.store.CertificateRecord;
import io.portcullis.ca.store.CertificateRepository;
import io.portcullis.ca.store.CertificateStatus;
import io.portcullis.ca.store.Serials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.bouncycastle.cert.X509CertificateHolder;

/** Completes a reserved row with the signed certificate, making it visible as VALID. */
@ApplicationScoped
public class IssuedCertificateWriter {

    private final CertificateRepository certificates;

    public IssuedCertificateWriter(CertificateRepository certificates) {
        this.certificates = certificates;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public CertificateRecord store(BigInteger serial, X509CertificateHolder certificate) {
        CertificateRecord row = certificates.findById(Serials.toHex(serial));
        byte[] der = encoded(certificate);
        row.certificateDer = der;
        row.fingerprintSha256 = HexFormat.of().formatHex(sha256(der));
        row.subjectDn = certificate.getSubject().toString();
        row.sanText = String.join(" ", SanText.render(certificate.getExtensions()));
        row.notBefore = certificate.getNotBefore().toInstant();
        row.notAfter = certificate.getNotAfter().toInstant();
        row.status = CertificateStatus.VALID;
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
