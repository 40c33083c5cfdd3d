package io.portcullis.ca.profile;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** A certificate's content before a serial and an issuer signature are added. Whole seconds, UTC. */
public record CertificateDraft(
        X500Name subject,
        SubjectPublicKeyInfo publicKey,
        Instant notBefore,
        Instant notAfter,
        List<Extension> extensions) {

    public CertificateDraft {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        extensions = List.copyOf(extensions);
    }
}
