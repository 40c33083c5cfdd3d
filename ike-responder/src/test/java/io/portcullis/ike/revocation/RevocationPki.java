package io.portcullis.ike.revocation;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A small CA on the real clock for the revocation tests, written out as PEM files for
 * {@code openssl ocsp} and {@code openssl ca -gencrl}: a CA, OCSP responder certificates (one
 * with EKU OCSPSigning, one without), and end entities whose AIA/CDP name local URLs.
 */
final class RevocationPki {

    private static final SecureRandom RANDOM = new SecureRandom();

    final KeyPair caKey = rsa();
    final X509Certificate ca;
    private final Path dir;

    RevocationPki(Path dir, String caName) throws IOException {
        this.dir = dir;
        X500Name name = new X500Name(caName);
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(), from(), until(), name,
                caKey.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        this.ca = sign(builder, caKey.getPrivate());
        pem(dir.resolve("ca.pem"), ca);
        pem(dir.resolve("ca.key"), caKey.getPrivate());
    }

    /** An end entity whose AIA says {@code ocspUrl} and whose CDP says {@code crlUrl} (either may be null). */
    X509Certificate leaf(String cn, String ocspUrl, String crlUrl) throws IOException {
        KeyPair key = rsa();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca, serial(), from(), until(),
                new javax.security.auth.x500.X500Principal("CN=" + cn), key.getPublic());
        if (ocspUrl != null) {
            builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                    AccessDescription.id_ad_ocsp, new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl)));
        }
        if (crlUrl != null) {
            builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                new DistributionPoint(new DistributionPointName(new GeneralNames(
                        new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl))), null, null)}));
        }
        return sign(builder, caKey.getPrivate());
    }

    /** A responder certificate issued by this CA (with or without EKU OCSPSigning) and its key, as files. */
    void responder(String name, boolean ocspSigning) throws IOException {
        KeyPair key = rsa();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca, serial(), from(), until(),
                new javax.security.auth.x500.X500Principal("CN=" + name), key.getPublic());
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                ocspSigning ? KeyPurposeId.id_kp_OCSPSigning : KeyPurposeId.id_kp_serverAuth));
        pem(dir.resolve(name + ".pem"), sign(builder, caKey.getPrivate()));
        pem(dir.resolve(name + ".key"), key.getPrivate());
    }

    Path file(String name) {
        return dir.resolve(name);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(key)));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    static void pem(Path file, Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        Files.writeString(file, out.toString());
    }

    private static BigInteger serial() {
        return new BigInteger(64, RANDOM).setBit(62);
    }

    private static Date from() {
        return Date.from(Instant.now().minus(Duration.ofHours(1)));
    }

    private static Date until() {
        return Date.from(Instant.now().plus(Duration.ofDays(30)));
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
