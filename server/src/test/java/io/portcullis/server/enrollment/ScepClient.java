package io.portcullis.server.enrollment;

import static io.restassured.RestAssured.given;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.CollectionStore;

/** A minimal SCEP client for the tests: builds pkiMessages (good and deliberately bad) and reads CertReps. */
final class ScepClient {

    static final ASN1ObjectIdentifier MESSAGE_TYPE = new ASN1ObjectIdentifier("2.16.840.1.113733.1.9.2");
    static final ASN1ObjectIdentifier PKI_STATUS = new ASN1ObjectIdentifier("2.16.840.1.113733.1.9.3");
    static final ASN1ObjectIdentifier FAIL_INFO = new ASN1ObjectIdentifier("2.16.840.1.113733.1.9.4");
    static final ASN1ObjectIdentifier SENDER_NONCE = new ASN1ObjectIdentifier("2.16.840.1.113733.1.9.5");
    static final ASN1ObjectIdentifier RECIPIENT_NONCE = new ASN1ObjectIdentifier("2.16.840.1.113733.1.9.6");
    static final ASN1ObjectIdentifier TRANSACTION_ID = new ASN1ObjectIdentifier("2.16.840.1.113733.1.9.7");

    record Reply(String status, String failInfo, String transactionId, byte[] recipientNonce, List<X509CertificateHolder> certificates) {
    }

    final X509CertificateHolder ra;
    final List<X509CertificateHolder> caChain = new ArrayList<>();

    ScepClient() throws Exception {
        byte[] p7 = given().queryParam("operation", "GetCACert").get("/scep").then().statusCode(200)
                .contentType("application/x-x509-ca-ra-cert").extract().asByteArray();
        X509CertificateHolder raCert = null;
        for (X509CertificateHolder c : new CMSSignedData(p7).getCertificates().getMatches(null)) {
            if (c.getSubject().toString().contains("SCEP RA")) {
                raCert = c;
            } else {
                caChain.add(c);
            }
        }
        this.ra = raCert;
    }

    X509CertificateHolder issuing() {
        return caChain.stream().filter(c -> !c.getSubject().equals(c.getIssuer())).findFirst().orElseThrow();
    }

    static X509Certificate selfSigned(KeyPair keys, String subject) throws Exception {
        X500Name name = new X500Name(subject);
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(new SecureRandom().nextLong() & Long.MAX_VALUE),
                Date.from(Instant.now().minusSeconds(60)), Date.from(Instant.now().plusSeconds(3600)), name, keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    }

    byte[] message(int type, String transactionId, byte[] content, KeyPair signerKeys, X509Certificate signerCert) throws Exception {
        CMSEnvelopedDataGenerator env = new CMSEnvelopedDataGenerator();
        env.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(new JcaX509CertificateConverter().getCertificate(ra)));
        byte[] envelope = env.generate(new CMSProcessableByteArray(content),
                new JceCMSContentEncryptorBuilder(NISTObjectIdentifiers.id_aes128_CBC).build()).getEncoded();
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(new Attribute(MESSAGE_TYPE, new DERSet(new DERPrintableString(Integer.toString(type)))));
        attributes.add(new Attribute(TRANSACTION_ID, new DERSet(new DERPrintableString(transactionId))));
        byte[] nonce = new byte[16];
        new SecureRandom().nextBytes(nonce);
        attributes.add(new Attribute(SENDER_NONCE, new DERSet(new DEROctetString(nonce))));
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(signerKeys.getPrivate()), signerCert));
        generator.addCertificates(new CollectionStore<>(List.of(new X509CertificateHolder(signerCert.getEncoded()))));
        return generator.generate(new CMSProcessableByteArray(envelope), true).getEncoded();
    }

    byte[] post(byte[] message) {
        return given().contentType("application/x-pki-message").queryParam("operation", "PKIOperation").body(message)
                .post("/scep").then().statusCode(200).contentType("application/x-pki-message").extract().asByteArray();
    }

    Reply read(byte[] response, KeyPair recipientKeys) throws Exception {
        CMSSignedData signed = new CMSSignedData(response);
        SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
        if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(ra))) {
            throw new AssertionError("CertRep not signed by the RA");
        }
        AttributeTable attributes = signer.getSignedAttributes();
        List<X509CertificateHolder> certs = new ArrayList<>();
        String status = string(attributes, PKI_STATUS);
        if ("0".equals(status)) {
            byte[] envelope = (byte[]) signed.getSignedContent().getContent();
            Collection<RecipientInformation> recipients = new CMSEnvelopedData(envelope).getRecipientInfos().getRecipients();
            byte[] inner = recipients.iterator().next().getContent(new JceKeyTransEnvelopedRecipient(recipientKeys.getPrivate()));
            certs.addAll(new CMSSignedData(inner).getCertificates().getMatches(null));
        }
        return new Reply(status, string(attributes, FAIL_INFO), string(attributes, TRANSACTION_ID),
                ((DEROctetString) attributes.get(RECIPIENT_NONCE).getAttrValues().getObjectAt(0)).getOctets(), certs);
    }

    private static String string(AttributeTable attributes, ASN1ObjectIdentifier oid) {
        Attribute attribute = attributes.get(oid);
        if (attribute == null) {
            return null;
        }
        ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
        return ((ASN1String) value).getString();
    }
}
