package io.portcullis.enrollment.scep;

import io.portcullis.ca.keys.BcProvider;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.CollectionStore;

/**
 * Builds CertRep pkiMessages (RFC 8894 §3.3.2), signed by the RA: SUCCESS with the (already
 * encrypted) degenerate PKCS#7, PENDING and FAILURE without content.
 */
public final class CertRepWriter {

    private static final Map<ASN1ObjectIdentifier, String> SIGNATURES = Map.of(NISTObjectIdentifiers.id_sha256, "SHA256withRSA",
            NISTObjectIdentifiers.id_sha384, "SHA384withRSA", NISTObjectIdentifiers.id_sha512, "SHA512withRSA");

    private final SecureRandom random;

    public CertRepWriter(SecureRandom random) {
        this.random = random;
    }

    public record Signer(PrivateKey key, X509CertificateHolder certificate) {
    }

    public byte[] success(PkiMessage request, byte[] envelope, Signer ra) {
        return write(request, PkiStatus.SUCCESS, Optional.empty(), Optional.empty(), envelope, ra);
    }

    public byte[] pending(PkiMessage request, Signer ra) {
        return write(request, PkiStatus.PENDING, Optional.empty(), Optional.empty(), null, ra);
    }

    public byte[] failure(PkiMessage request, FailInfo failInfo, String text, Signer ra) {
        return write(request, PkiStatus.FAILURE, Optional.of(failInfo), Optional.ofNullable(text), null, ra);
    }

    private byte[] write(PkiMessage request, PkiStatus status, Optional<FailInfo> failInfo, Optional<String> text, byte[] envelope,
            Signer ra) {
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(attribute(ScepOids.TRANSACTION_ID, new DERPrintableString(request.transactionId())));
        attributes.add(attribute(ScepOids.MESSAGE_TYPE, new DERPrintableString(MessageType.CERT_REP.wire())));
        attributes.add(attribute(ScepOids.PKI_STATUS, new DERPrintableString(status.wire())));
        failInfo.ifPresent(f -> attributes.add(attribute(ScepOids.FAIL_INFO, new DERPrintableString(f.wire()))));
        text.ifPresent(t -> attributes.add(attribute(ScepOids.FAIL_INFO_TEXT, new DERUTF8String(t.length() > 500 ? t.substring(0, 500) : t))));
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        attributes.add(attribute(ScepOids.SENDER_NONCE, new DEROctetString(nonce)));
        attributes.add(attribute(ScepOids.RECIPIENT_NONCE, new DEROctetString(request.senderNonce())));
        String algorithm = SIGNATURES.getOrDefault(request.digestAlgorithm(), "SHA256withRSA");
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            // SignerInfo.signatureAlgorithm = rsaEncryption, as RFC 8894 clients expect (strongSwan accepts nothing else).
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(BcProvider.INSTANCE).build(),
                    signatureAlgorithm -> new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE))
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
                    .build(new JcaContentSignerBuilder(algorithm).setProvider(BcProvider.INSTANCE).build(ra.key()), ra.certificate()));
            generator.addCertificates(new CollectionStore<>(java.util.List.of(ra.certificate())));
            CMSTypedData content = envelope == null ? new CMSAbsentContent() : new CMSProcessableByteArray(envelope);
            return generator.generate(content, envelope != null).getEncoded("DER");
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign a CertRep with the RA key: " + e.getMessage(), e);
        }
    }

    private static Attribute attribute(ASN1ObjectIdentifier oid, org.bouncycastle.asn1.ASN1Encodable value) {
        return new Attribute(oid, new DERSet(value));
    }
}
