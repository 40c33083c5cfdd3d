package io.portcullis.ca.hierarchy;

import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;

/** The result of a first-start bootstrap: the root and the issuing CA it certified. */
public record GeneratedHierarchy(GeneratedCa root, GeneratedCa issuing) {

    /** The issuing CA's chain in {@code CaSigner} order: issuing first, root last. */
    public List<X509CertificateHolder> issuingChain() {
        return List.of(issuing.certificate(), root.certificate());
    }
}
