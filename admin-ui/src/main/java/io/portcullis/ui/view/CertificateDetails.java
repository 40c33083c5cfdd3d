package io.portcullis.ui.view;

import io.portcullis.ca.certificate.StoredCertificate;
import io.portcullis.ca.issuance.SanText;
import io.portcullis.ca.keys.PemCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;

/** What the certificate detail page shows, read from the stored row and the certificate itself. */
public record CertificateDetails(String serial, String status, String profile, String subject, String issuer, List<String> sans,
        List<String> extendedKeyUsages, List<String> keyUsages, String keyAlgorithm, Instant notBefore, Instant notAfter,
        String fingerprintSha256, Instant issuedAt, String requestedBy, Instant revokedAt, String revocationReason, String pem) {

    private static final Map<ASN1ObjectIdentifier, String> EKU_NAMES = Map.of(
            KeyPurposeId.id_kp_serverAuth.toOID(), "serverAuth",
            KeyPurposeId.id_kp_clientAuth.toOID(), "clientAuth",
            KeyPurposeId.id_kp_ipsecIKE.toOID(), "ipsecIKE",
            KeyPurposeId.id_kp_OCSPSigning.toOID(), "OCSPSigning",
            KeyPurposeId.id_kp_codeSigning.toOID(), "codeSigning",
            KeyPurposeId.id_kp_emailProtection.toOID(), "emailProtection");

    private static final String[] KEY_USAGE_NAMES = { "digitalSignature", "nonRepudiation", "keyEncipherment",
            "dataEncipherment", "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly" };
    private static final int[] KEY_USAGE_BITS = { KeyUsage.digitalSignature, KeyUsage.nonRepudiation, KeyUsage.keyEncipherment,
            KeyUsage.dataEncipherment, KeyUsage.keyAgreement, KeyUsage.keyCertSign, KeyUsage.cRLSign, KeyUsage.encipherOnly,
            KeyUsage.decipherOnly };

    public static CertificateDetails of(StoredCertificate r, Instant now) {
        X509CertificateHolder cert;
        try {
            cert = new X509CertificateHolder(r.certificateDer());
        } catch (IOException e) {
            throw new UncheckedIOException("stored certificate " + r.serialHex() + " does not parse", e);
        }
        List<String> ekus = new ArrayList<>();
        ExtendedKeyUsage eku = ExtendedKeyUsage.fromExtensions(cert.getExtensions());
        if (eku != null) {
            for (KeyPurposeId id : eku.getUsages()) {
                ekus.add(EKU_NAMES.getOrDefault(id.toOID(), id.toOID().getId()));
            }
        }
        List<String> kus = new ArrayList<>();
        KeyUsage ku = KeyUsage.fromExtensions(cert.getExtensions());
        if (ku != null) {
            for (int i = 0; i < KEY_USAGE_BITS.length; i++) {
                if (ku.hasUsages(KEY_USAGE_BITS[i])) {
                    kus.add(KEY_USAGE_NAMES[i]);
                }
            }
        }
        String algorithm = cert.getSubjectPublicKeyInfo().getAlgorithm().getAlgorithm().getId();
        algorithm = switch (algorithm) {
            case "1.2.840.10045.2.1" -> "EC";
            case "1.2.840.113549.1.1.1" -> "RSA";
            default -> algorithm;
        };
        return new CertificateDetails(r.serialHex(), r.statusAt(now), r.profile(), r.subjectDn(), cert.getIssuer().toString(),
                SanText.render(cert.getExtensions()), ekus, kus, algorithm, r.notBefore(), r.notAfter(), r.fingerprintSha256(),
                r.issuedAt(), r.requestedBy(), r.revokedAt(), r.revocationReason(), PemCodec.toPem(cert));
    }

    public boolean revocable() {
        return status.equals("valid") || status.equals("on_hold") || status.equals("expired");
    }

    public boolean onHold() {
        return status.equals("on_hold");
    }

}
