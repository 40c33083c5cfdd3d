package io.portcullis.ca.keys;

import io.portcullis.ca.error.PortcullisException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * Subject and authority key identifiers. RFC 5280 4.2.1.2 method 1 (SHA-1 of the subjectPublicKey
 * BIT STRING contents) is used because strongSwan, OpenSSL and the JDK compute the same value when
 * they look an issuer up by key id; SHA-1 is fine here, the identifier is not a security control.
 */
public final class KeyIdentifiers {

    private KeyIdentifiers() {
    }

    public static SubjectKeyIdentifier subjectKeyIdentifier(SubjectPublicKeyInfo publicKey) {
        try {
            return new SubjectKeyIdentifier(MessageDigest.getInstance("SHA-1").digest(publicKey.getPublicKeyData().getBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw PortcullisException.internal("digest-unavailable", "SHA-1 is missing from this JDK", e);
        }
    }

    /** The AKI for certificates signed by {@code issuer}: exactly the issuer's own SKI. */
    public static AuthorityKeyIdentifier authorityKeyIdentifier(X509CertificateHolder issuer) {
        SubjectKeyIdentifier issuerSki = SubjectKeyIdentifier.fromExtensions(issuer.getExtensions());
        if (issuerSki == null) {
            throw PortcullisException.internal("issuer-without-ski",
                    "issuer certificate '" + issuer.getSubject() + "' has no subjectKeyIdentifier extension", null);
        }
        return new AuthorityKeyIdentifier(issuerSki.getKeyIdentifier());
    }

    /** The SKI of a certificate, or {@code null} if it has none. */
    public static byte[] subjectKeyIdentifierOf(X509CertificateHolder certificate) {
        Extension extension = certificate.getExtension(Extension.subjectKeyIdentifier);
        return extension == null ? null : SubjectKeyIdentifier.getInstance(extension.getParsedValue()).getKeyIdentifier();
    }
}
