package io.portcullis.ca.profile;

import io.portcullis.ca.error.PortcullisException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** The mutable draft that a profile's rules fill in, one rule at a time. */
public final class DraftBuilder {

    private final SubjectPublicKeyInfo publicKey;
    private final List<Extension> extensions = new ArrayList<>();
    private X500Name subject;
    private Instant notBefore;
    private Instant notAfter;

    public DraftBuilder(SubjectPublicKeyInfo publicKey) {
        this.publicKey = publicKey;
    }

    public SubjectPublicKeyInfo publicKey() {
        return publicKey;
    }

    public boolean hasRsaKey() {
        return PKCSObjectIdentifiers.rsaEncryption.equals(publicKey.getAlgorithm().getAlgorithm());
    }

    public X500Name subject() {
        if (subject == null) {
            throw misconfigured("a rule needs the subject before the subject rule has run");
        }
        return subject;
    }

    public DraftBuilder subject(X500Name subject) {
        this.subject = subject;
        return this;
    }

    public DraftBuilder validity(Instant notBefore, Instant notAfter) {
        this.notBefore = notBefore;
        this.notAfter = notAfter;
        return this;
    }

    /** Adds an extension; two rules adding the same one is a profile bug, not a request error. */
    public DraftBuilder addExtension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
        if (extensions.stream().anyMatch(e -> e.getExtnId().equals(oid))) {
            throw misconfigured("two rules add extension " + oid);
        }
        try {
            extensions.add(new Extension(oid, critical, value.toASN1Primitive().getEncoded("DER")));
        } catch (IOException e) {
            throw PortcullisException.internal("profile-misconfigured", "cannot encode extension " + oid + ": " + e.getMessage(), e);
        }
        return this;
    }

    public CertificateDraft build() {
        if (subject == null || notBefore == null || notAfter == null) {
            throw misconfigured("the profile did not set " + (subject == null ? "a subject" : "a validity period"));
        }
        return new CertificateDraft(subject, publicKey, notBefore, notAfter, extensions);
    }

    private static PortcullisException misconfigured(String detail) {
        return PortcullisException.internal("profile-misconfigured", detail, null);
    }
}
