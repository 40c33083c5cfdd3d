package io.portcullis.revocation.ocsp;

import io.portcullis.ca.signing.CaSigner;
import java.time.Instant;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.RespID;

/**
 * The delegated responder of this process: a signer over its own key (generated in memory, never
 * stored) whose chain starts with the responder certificate the issuing CA issued to it.
 */
public record ResponderCredentials(CaSigner signer, RespID responderId) {

    public X509CertificateHolder certificate() {
        return signer.certificate();
    }

    public Instant notAfter() {
        return signer.certificate().getNotAfter().toInstant();
    }
}
