package io.portcullis.e2e.ike;

import io.portcullis.ca.authority.CaBootstrapper;
import io.portcullis.ca.keys.EncryptedKeyStore;
import io.portcullis.ca.keys.PemCodec;
import io.portcullis.ca.signing.CaSigner;
import io.portcullis.ca.signing.SoftwareCaSigner;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * A copy of a Portcullis certificate (same extensions, another key and subject) whose validity ended yesterday, signed with the real issuing
 * CA key (taken from a stopped server's database): valid in every respect but time.
 */
final class ExpiredCertificates {

    private ExpiredCertificates() {
    }

    /**
     * Writes the certificate to {@code out} and its new RSA-2048 key to {@code keyOut}: a key of its
     * own, because strongSwan will not present an expired certificate when a valid one with the same
     * key is loaded. {@code subject} tells it apart from the template in both sides' logs.
     */
    static void write(Path serverData, Path template, X500Name subject, Path out, Path keyOut) throws Exception {
        byte[] keystore;
        String url = "jdbc:h2:file:" + serverData.resolve("db/portcullis") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (Connection db = DriverManager.getConnection(url, "portcullis", "");
                PreparedStatement statement = db.prepareStatement("select keystore from certificate_authority where id = 'issuing'");
                ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                throw new IllegalStateException("no issuing CA in " + serverData);
            }
            keystore = rows.getBytes(1);
        }
        String password = Files.readString(serverData.resolve("keystore-password")).strip();
        CaSigner issuer = SoftwareCaSigner.fromKeyStoreEntry(
                EncryptedKeyStore.fromBytes(keystore, password.toCharArray(), CaBootstrapper.KEY_ALIAS));
        X509CertificateHolder original = PemCodec.parseCertificates(Files.readString(template)).get(0);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair key = generator.generateKeyPair();
        try (JcaPEMWriter pem = new JcaPEMWriter(Files.newBufferedWriter(keyOut))) {
            pem.writeObject(new JcaPKCS8Generator(key.getPrivate(), null));
        }
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(original.getIssuer(),
                new BigInteger(128, new SecureRandom()).setBit(127), Date.from(now.minus(Duration.ofDays(30))),
                Date.from(now.minus(Duration.ofDays(1))), subject, SubjectPublicKeyInfo.getInstance(key.getPublic().getEncoded()));
        for (Object oid : original.getExtensionOIDs()) {
            if (!Extension.subjectKeyIdentifier.equals(oid)) {
                builder.copyAndAddExtension((ASN1ObjectIdentifier) oid, original.getExtension((ASN1ObjectIdentifier) oid).isCritical(), original);
            }
        }
        Files.writeString(out, PemCodec.toPem(builder.build(issuer.newContentSigner())));
    }
}
