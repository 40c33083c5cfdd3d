package io.portcullis.ca.issuance;

import io.portcullis.ca.keys.KeyIdentifiers;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;

/** The individual lint rules run by {@link CertificateLinter}; each returns a finding or empty. */
final class LintRules {

    private static final Optional<String> OK = Optional.empty();
    private static final Set<ASN1ObjectIdentifier> ECDSA = Set.of(
            X9ObjectIdentifiers.ecdsa_with_SHA256, X9ObjectIdentifiers.ecdsa_with_SHA384, X9ObjectIdentifiers.ecdsa_with_SHA512);
    private static final Set<ASN1ObjectIdentifier> RSA = Set.of(PKCSObjectIdentifiers.sha256WithRSAEncryption,
            PKCSObjectIdentifiers.sha384WithRSAEncryption, PKCSObjectIdentifiers.sha512WithRSAEncryption, PKCSObjectIdentifiers.id_RSASSA_PSS);
    /** For each purpose, the key usages that make it possible (RFC 5280 4.2.1.12, RFC 4945 5.1.3.2). */
    private static final Map<KeyPurposeId, Integer> PURPOSE_NEEDS = Map.of(
            KeyPurposeId.id_kp_serverAuth, KeyUsage.digitalSignature | KeyUsage.keyEncipherment | KeyUsage.keyAgreement,
            KeyPurposeId.id_kp_clientAuth, KeyUsage.digitalSignature | KeyUsage.keyAgreement,
            KeyPurposeId.id_kp_ipsecIKE, KeyUsage.digitalSignature | KeyUsage.nonRepudiation,
            KeyPurposeId.id_kp_OCSPSigning, KeyUsage.digitalSignature | KeyUsage.nonRepudiation,
            KeyPurposeId.id_kp_emailProtection, KeyUsage.digitalSignature | KeyUsage.nonRepudiation | KeyUsage.keyEncipherment | KeyUsage.keyAgreement,
            KeyPurposeId.id_kp_codeSigning, KeyUsage.digitalSignature);

    private LintRules() {
    }

    static Optional<String> version3(LintTarget t) {
        return t.tbs().getVersionNumber() == 3 ? OK : Optional.of("version is v" + t.tbs().getVersionNumber());
    }

    static Optional<String> serial(LintTarget t) {
        BigInteger serial = t.tbs().getSerialNumber().getValue();
        if (serial.signum() <= 0) {
            return Optional.of("serial " + serial + " is not positive");
        }
        int octets = serial.toByteArray().length;
        return octets <= 20 ? OK : Optional.of("serial has " + octets + " octets, more than 20");
    }

    static Optional<String> validityOrdered(LintTarget t) {
        Date notBefore = t.tbs().getStartDate().getDate();
        Date notAfter = t.tbs().getEndDate().getDate();
        return notBefore.before(notAfter) ? OK : Optional.of("notBefore " + notBefore.toInstant() + " is not before notAfter " + notAfter.toInstant());
    }

    static Optional<String> validityWithinIssuer(LintTarget t) {
        Date notBefore = t.tbs().getStartDate().getDate();
        Date notAfter = t.tbs().getEndDate().getDate();
        X509CertificateHolder issuer = t.issuer();
        if (notBefore.before(issuer.getNotBefore()) || notAfter.after(issuer.getNotAfter())) {
            return Optional.of("validity " + notBefore.toInstant() + ".." + notAfter.toInstant() + " is outside the issuer's "
                    + issuer.getNotBefore().toInstant() + ".." + issuer.getNotAfter().toInstant());
        }
        return OK;
    }

    static Optional<String> issuerNameMatches(LintTarget t) {
        try {
            return Arrays.equals(t.tbs().getIssuer().getEncoded("DER"), t.issuer().getSubject().getEncoded("DER")) ? OK
                    : Optional.of("issuer '" + t.tbs().getIssuer() + "' is not byte-identical to the issuer certificate's subject");
        } catch (IOException e) {
            return Optional.of("issuer name cannot be encoded: " + e.getMessage());
        }
    }

    static Optional<String> issuerIsCa(LintTarget t) {
        BasicConstraints constraints = BasicConstraints.fromExtensions(t.issuer().getExtensions());
        KeyUsage usage = KeyUsage.fromExtensions(t.issuer().getExtensions());
        if (constraints == null || !constraints.isCA() || (usage != null && !usage.hasUsages(KeyUsage.keyCertSign))) {
            return Optional.of("issuer '" + t.issuer().getSubject() + "' is not a CA allowed to sign certificates");
        }
        return OK;
    }

    static Optional<String> signatureAlgorithmMatchesIssuerKey(LintTarget t) {
        ASN1ObjectIdentifier signature = t.tbs().getSignature().getAlgorithm();
        ASN1ObjectIdentifier issuerKey = t.issuer().getSubjectPublicKeyInfo().getAlgorithm().getAlgorithm();
        boolean fits = X9ObjectIdentifiers.id_ecPublicKey.equals(issuerKey) ? ECDSA.contains(signature)
                : PKCSObjectIdentifiers.rsaEncryption.equals(issuerKey) && RSA.contains(signature);
        return fits ? OK : Optional.of("signature algorithm " + signature + " cannot be produced by an issuer key of type " + issuerKey);
    }

    static Optional<String> skiPresent(LintTarget t) {
        return t.extension(Extension.subjectKeyIdentifier).isPresent() ? OK : Optional.of("subjectKeyIdentifier is missing");
    }

    static Optional<String> akiEqualsIssuerSki(LintTarget t) {
        byte[] issuerSki = KeyIdentifiers.subjectKeyIdentifierOf(t.issuer());
        Optional<Extension> aki = t.extension(Extension.authorityKeyIdentifier);
        if (aki.isEmpty()) {
            return Optional.of("authorityKeyIdentifier is missing");
        }
        byte[] keyId = AuthorityKeyIdentifier.getInstance(aki.get().getParsedValue()).getKeyIdentifier();
        return issuerSki != null && Arrays.equals(keyId, issuerSki) ? OK
                : Optional.of("authorityKeyIdentifier does not equal the issuer's subjectKeyIdentifier");
    }

    static Optional<String> subjectAltName(LintTarget t) {
        Optional<Extension> san = t.extension(Extension.subjectAlternativeName);
        if (t.subjectEmpty()) {
            if (san.isEmpty() || !san.get().isCritical()) {
                return Optional.of("the subject is empty, so a critical subjectAltName is required");
            }
        } else if (san.isPresent() && san.get().isCritical()) {
            return Optional.of("subjectAltName must be non-critical when the subject is not empty");
        }
        if (san.isPresent() && GeneralNames.getInstance(san.get().getParsedValue()).getNames().length == 0) {
            return Optional.of("subjectAltName is empty");
        }
        return OK;
    }

    static Optional<String> keyUsagePresentAndCritical(LintTarget t) {
        Optional<Extension> keyUsage = t.extension(Extension.keyUsage);
        if (keyUsage.isEmpty()) {
            return Optional.of("keyUsage is missing");
        }
        return keyUsage.get().isCritical() ? OK : Optional.of("keyUsage is not critical");
    }

    static Optional<String> keyUsageFitsKeyType(LintTarget t) {
        int usage = t.keyUsage();
        if (!t.rsaKey() && (usage & (KeyUsage.keyEncipherment | KeyUsage.dataEncipherment)) != 0) {
            return Optional.of("keyEncipherment/dataEncipherment asserted for a non-RSA key, which cannot encrypt");
        }
        if (t.rsaKey() && (usage & KeyUsage.keyAgreement) != 0) {
            return Optional.of("keyAgreement asserted for an RSA key");
        }
        return OK;
    }

    static Optional<String> basicConstraints(LintTarget t) {
        Optional<Extension> extension = t.extension(Extension.basicConstraints);
        int usage = t.keyUsage();
        if (t.isCa()) {
            if (!extension.get().isCritical()) {
                return Optional.of("a CA certificate needs critical basicConstraints");
            }
            if ((usage & KeyUsage.keyCertSign) == 0) {
                return Optional.of("a CA certificate needs keyUsage keyCertSign");
            }
            if (t.subjectEmpty()) {
                return Optional.of("a CA certificate needs a non-empty subject");
            }
            BasicConstraints issuer = BasicConstraints.fromExtensions(t.issuer().getExtensions());
            if (issuer != null && issuer.getPathLenConstraint() != null && issuer.getPathLenConstraint().signum() == 0) {
                return Optional.of("the issuer's pathLenConstraint 0 forbids issuing CA certificates");
            }
            return OK;
        }
        if ((usage & (KeyUsage.keyCertSign | KeyUsage.cRLSign)) != 0) {
            return Optional.of("keyCertSign/cRLSign asserted in an end-entity certificate");
        }
        return OK;
    }

    static Optional<String> revocationPointers(LintTarget t) {
        if (t.isCa()) {
            return OK;
        }
        Optional<Extension> aia = t.extension(Extension.authorityInfoAccess);
        if (aia.isEmpty()) {
            return Optional.of("an end-entity certificate needs authorityInfoAccess");
        }
        if (t.hasOcspNoCheck()) {
            // A delegated OCSP signer is by design never status-checked (RFC 6960 4.2.2.2.1).
            return OK;
        }
        if (t.extension(Extension.cRLDistributionPoints).isEmpty()) {
            return Optional.of("an end-entity certificate needs cRLDistributionPoints");
        }
        boolean hasOcsp = Arrays.stream(AuthorityInformationAccess.getInstance(aia.get().getParsedValue()).getAccessDescriptions())
                .anyMatch(d -> AccessDescription.id_ad_ocsp.equals(d.getAccessMethod()));
        return hasOcsp ? OK : Optional.of("authorityInfoAccess has no OCSP responder");
    }

    static Optional<String> ekuConsistentWithKeyUsage(LintTarget t) {
        Optional<Extension> extension = t.extension(Extension.extendedKeyUsage);
        if (extension.isEmpty()) {
            return OK;
        }
        KeyPurposeId[] purposes = ExtendedKeyUsage.getInstance(extension.get().getParsedValue()).getUsages();
        if (purposes.length == 0) {
            return Optional.of("extendedKeyUsage is empty");
        }
        int usage = t.keyUsage();
        for (KeyPurposeId purpose : purposes) {
            Integer needs = PURPOSE_NEEDS.get(purpose);
            if (needs == null) {
                return Optional.of("extendedKeyUsage " + purpose.toOID() + " is not one Portcullis issues");
            }
            if ((usage & needs) == 0) {
                return Optional.of("extendedKeyUsage " + purpose.toOID() + " is unusable with the asserted keyUsage");
            }
        }
        return OK;
    }
}
