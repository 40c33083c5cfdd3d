package io.portcullis.ca.authority;

import io.portcullis.ca.keys.PemCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * A CA of the hierarchy as other modules see it: its certificate and where it sits, never its
 * key store. {@code parentId} is null for the root.
 */
public record CaCertificate(String id, String parentId, String subjectDn, String serialHex, String keyAlgorithm,
        byte[] certificateDer, Instant notBefore, Instant notAfter) {

    public CaCertificate {
        certificateDer = certificateDer.clone();
    }

    @Override
    public byte[] certificateDer() {
        return certificateDer.clone();
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
