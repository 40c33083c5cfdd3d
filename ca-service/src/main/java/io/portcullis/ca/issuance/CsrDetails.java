package io.portcullis.ca.issuance;

import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * A CSR that parsed and whose signature verified (proof of possession). Nothing in it has been
 * judged by policy yet: the key goes to {@link KeyPolicy}, subject and SANs to the profile.
 */
public record CsrDetails(
        PKCS10CertificationRequest request,
        X500Name subject,
        SubjectPublicKeyInfo publicKey,
        List<GeneralName> subjectAltNames) {

    public CsrDetails {
        subjectAltNames = List.copyOf(subjectAltNames);
    }
}
