package io.portcullis.revocation.ocsp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.CertID;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * The issuerNameHash and issuerKeyHash (RFC 6960 4.1.1) of the CA this responder answers for, in
 * every supported hash algorithm, so a CertID is matched with two array comparisons.
 */
public final class IssuerIdentity {

    private static final Map<ASN1ObjectIdentifier, String> JCA_NAMES = Map.of(
            OIWObjectIdentifiers.idSHA1, "SHA-1",
            NISTObjectIdentifiers.id_sha256, "SHA-256",
            NISTObjectIdentifiers.id_sha384, "SHA-384",
            NISTObjectIdentifiers.id_sha512, "SHA-512");

    private record Hashes(byte[] name, byte[] key) {
    }

    private final Map<ASN1ObjectIdentifier, Hashes> hashes = new HashMap<>();

    public IssuerIdentity(X509CertificateHolder issuer) {
        try {
            byte[] name = issuer.toASN1Structure().getSubject().getEncoded(ASN1Encoding.DER);
            byte[] key = issuer.getSubjectPublicKeyInfo().getPublicKeyData().getBytes();
            for (Map.Entry<ASN1ObjectIdentifier, String> algorithm : JCA_NAMES.entrySet()) {
                MessageDigest digest = MessageDigest.getInstance(algorithm.getValue());
                byte[] nameHash = digest.digest(name);
                hashes.put(algorithm.getKey(), new Hashes(nameHash, digest.digest(key)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("a standard digest is missing from this JDK", e);
        }
    }

    /** True when the CertID names this issuer (in constant time per hash; the values are public anyway). */
    public boolean matches(CertID id) {
        Hashes expected = hashes.get(id.getHashAlgorithm().getAlgorithm());
        return expected != null
                && MessageDigest.isEqual(expected.name(), id.getIssuerNameHash().getOctets())
                && MessageDigest.isEqual(expected.key(), id.getIssuerKeyHash().getOctets());
    }
}
