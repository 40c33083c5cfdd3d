package io.portcullis.enrollment.scep;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.bouncycastle.util.CollectionStore;

/**
 * Writes the seed corpora of this module's fuzz tests (run once by hand; the files are committed):
 * {@code java -cp <test classpath> io.portcullis.enrollment.scep.FuzzSeedWriter src/test/resources}.
 * pkiMessages are built the way a SCEP client builds them (RFC 8894 §3: PKCSReq with a
 * challengePassword CSR, RenewalReq, CertPoll, GetCert, GetCRL; AES and 3DES envelopes; SHA-256
 * and SHA-512 signatures), encrypted to a test-only RA key written beside them; JSON bodies are
 * the REST enrollment API's, with those CSRs.
 */
public final class FuzzSeedWriter {

    private static final ASN1ObjectIdentifier MESSAGE_TYPE = new ASN1ObjectIdentifier("2.16.840.1.113733.1.9.2");
    private static final ASN1ObjectIdentifier SENDER_NONCE = new ASN1ObjectIdentifier("2.16.840.1.113733.1.9.5");
    private static final ASN1ObjectIdentifier TRANSACTION_ID = new ASN1ObjectIdentifier("2.16.840.1.113733.1.9.7");

    public static void main(String[] args) throws Exception {
        Path resources = Path.of(args[0]);
        Path scep = resources.resolve("io/portcullis/enrollment/scep");
        KeyPair raKeys = rsa();
        X509Certificate ra = selfSigned(raKeys, "CN=Fuzz seed SCEP RA (test only)");
        Files.createDirectories(scep);
        Files.write(scep.resolve(PkiMessageReaderFuzzTest.RA_KEY), raKeys.getPrivate().getEncoded());

        KeyPair peer = rsa();
        X509Certificate peerSelfSigned = selfSigned(peer, "CN=gw1.example.net");
        byte[] csr = csr(peer, "CN=gw1.example.net", "one-time-secret", "SHA256withRSA");
        byte[] csr512 = csr(peer, "CN=gw1.example.net", null, "SHA512withRSA");
        X500Name issuer = new X500Name("CN=Portcullis Issuing CA");
        byte[] issuerAndSerial = new IssuerAndSerialNumber(issuer, BigInteger.valueOf(0x1234_5678_9abcL)).getEncoded();
        byte[] issuerAndSubject = new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] { issuer, new X500Name("CN=gw1.example.net") })
                .getEncoded();

        Path messages = scep.resolve("PkiMessageReaderFuzzTestInputs/pkiOperation");
        Files.createDirectories(messages);
        byte[] pkcsReq = message(19, "tx-1", envelope(csr, ra, NISTObjectIdentifiers.id_aes128_CBC), peer, peerSelfSigned, "SHA256withRSA", false);
        seed(messages, "pkcsreq-aes128-sha256", 0, pkcsReq);
        seed(messages, "pkcsreq-3des-sha512-signingtime", 0, message(19, "tx-2",
                envelope(csr, ra, PKCSObjectIdentifiers.des_EDE3_CBC), peer, peerSelfSigned, "SHA512withRSA", true));
        seed(messages, "renewalreq-aes256", 0, message(17, "tx-3", envelope(csr512, ra, NISTObjectIdentifiers.id_aes256_CBC),
                peer, peerSelfSigned, "SHA256withRSA", false));
        seed(messages, "certpoll", 0, message(20, "tx-1", envelope(issuerAndSubject, ra, NISTObjectIdentifiers.id_aes128_CBC),
                peer, peerSelfSigned, "SHA256withRSA", false));
        seed(messages, "getcert", 0, message(21, "tx-4", envelope(issuerAndSerial, ra, NISTObjectIdentifiers.id_aes128_CBC),
                peer, peerSelfSigned, "SHA384withRSA", false));
        seed(messages, "getcrl-sha1", 0, message(22, "tx-5", envelope(issuerAndSerial, ra, NISTObjectIdentifiers.id_aes128_CBC),
                peer, peerSelfSigned, "SHA1withRSA", false));
        seed(messages, "envelope-pkcsreq-aes128", 1, envelope(csr, ra, NISTObjectIdentifiers.id_aes128_CBC));
        seed(messages, "envelope-pkcsreq-3des", 1, envelope(csr, ra, PKCSObjectIdentifiers.des_EDE3_CBC));

        Path json = resources.resolve("io/portcullis/enrollment/api");
        String csrPem = pem("CERTIFICATE REQUEST", csr);
        String certPem = pem("CERTIFICATE", peerSelfSigned.getEncoded());
        String signature = Base64.getEncoder().encodeToString(new byte[256]);
        write(json.resolve("EnrollmentBodiesFuzzTestInputs/enroll"), "pem",
                "{\"peer\":\"gw1\",\"secret\":\"one-time-secret\",\"csr\":" + quote(csrPem) + "}");
        write(json.resolve("EnrollmentBodiesFuzzTestInputs/enroll"), "base64-unknown-field",
                "{\"peer\":\"gw1\",\"secret\":\"s\",\"csr\":\"" + Base64.getEncoder().encodeToString(csr) + "\",\"x\":[1,{}]}");
        write(json.resolve("EnrollmentBodiesFuzzTestInputs/renew"), "pem",
                "{\"certificate\":" + quote(certPem) + ",\"csr\":" + quote(pem("CERTIFICATE REQUEST", csr512))
                        + ",\"signature\":\"" + signature + "\"}");
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, new SecureRandom());
        return generator.generateKeyPair();
    }

    private static X509Certificate selfSigned(KeyPair keys, String subject) throws Exception {
        X500Name name = new X500Name(subject);
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.getEpochSecond()),
                Date.from(now), Date.from(now.plusSeconds(10L * 365 * 86400)), name, keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    }

    private static byte[] csr(KeyPair keys, String subject, String challenge, String algorithm) throws Exception {
        JcaPKCS10CertificationRequestBuilder builder = new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), keys.getPublic());
        if (challenge != null) {
            builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_challengePassword, new DERUTF8String(challenge));
        }
        return builder.build(new JcaContentSignerBuilder(algorithm).build(keys.getPrivate())).getEncoded();
    }

    private static byte[] envelope(byte[] content, X509Certificate ra, ASN1ObjectIdentifier cipher) throws Exception {
        CMSEnvelopedDataGenerator generator = new CMSEnvelopedDataGenerator();
        generator.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(ra));
        return generator.generate(new CMSProcessableByteArray(content), new JceCMSContentEncryptorBuilder(cipher).build()).getEncoded();
    }

    private static byte[] message(int type, String transactionId, byte[] envelope, KeyPair signerKeys, X509Certificate signerCert,
            String algorithm, boolean signingTime) throws Exception {
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(new Attribute(MESSAGE_TYPE, new DERSet(new DERPrintableString(Integer.toString(type)))));
        attributes.add(new Attribute(TRANSACTION_ID, new DERSet(new DERPrintableString(transactionId))));
        attributes.add(new Attribute(SENDER_NONCE, new DERSet(new DEROctetString(new byte[16]))));
        if (signingTime) {
            attributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(new Date()))));
        }
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
                .build(new JcaContentSignerBuilder(algorithm).build(signerKeys.getPrivate()), signerCert));
        generator.addCertificates(new CollectionStore<>(List.of(new X509CertificateHolder(signerCert.getEncoded()))));
        return generator.generate(new CMSProcessableByteArray(envelope), true).getEncoded();
    }

    private static void seed(Path dir, String name, int mode, byte[] bytes) throws IOException {
        byte[] seed = new byte[bytes.length + 1];
        seed[0] = (byte) mode;
        System.arraycopy(bytes, 0, seed, 1, bytes.length);
        Files.write(dir.resolve(name), seed);
    }

    private static void write(Path dir, String name, String text) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static String quote(String text) {
        return "\"" + text.replace("\n", "\\n") + "\"";
    }
}
