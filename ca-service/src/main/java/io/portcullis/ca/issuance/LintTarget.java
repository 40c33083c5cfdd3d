package io.portcullis.ca.issuance;

import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.cert.X509CertificateHolder;

/** The certificate under lint and its issuer, with the lookups every lint rule needs. */
record LintTarget(TBSCertificate tbs, X509CertificateHolder issuer) {

    Optional<Extension> extension(ASN1ObjectIdentifier oid) {
        Extensions extensions = tbs.getExtensions();
        return Optional.ofNullable(extensions == null ? null : extensions.getExtension(oid));
    }

    boolean isCa() {
        return extension(Extension.basicConstraints).map(e -> BasicConstraints.getInstance(e.getParsedValue()).isCA()).orElse(false);
    }

    boolean hasOcspNoCheck() {
        return extension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck).isPresent();
    }

    boolean subjectEmpty() {
        return tbs.getSubject().getRDNs().length == 0;
    }

    boolean rsaKey() {
        return PKCSObjectIdentifiers.rsaEncryption.equals(tbs.getSubjectPublicKeyInfo().getAlgorithm().getAlgorithm());
    }

    /** Key usage bits, or 0 if the extension is absent. */
    int keyUsage() {
        return extension(Extension.keyUsage).map(e -> KeyUsage.getInstance(e.getParsedValue()).getBytes())
                .map(LintTarget::bits).orElse(0);
    }

    private static int bits(byte[] bytes) {
        // KeyUsage's constants put bit 0 (digitalSignature) at 0x80 of the first byte and decipherOnly at 0x8000.
        int value = bytes.length > 0 ? bytes[0] & 0xff : 0;
        if (bytes.length > 1) {
            value |= (bytes[1] & 0xff) << 8;
        }
        return value;
    }
}
