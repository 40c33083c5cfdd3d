package io.portcullis.ike.harness;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Test certificates built with Bouncy Castle: an RSA-2048 CA, the gateway (gw.test) and peers
 * (peer.test) with SANs, EKUs and — built by hand in DER — an RFC 3779 IPAddrBlocks extension.
 * Keys are generated once per JVM because RSA key generation dominates test time.
 */
public final class TestPki {

    public static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final KeyPair CA_KEY = rsa();
    private static final KeyPair GATEWAY_KEY = rsa();
    private static final KeyPair PEER_KEY = rsa();
    private static final KeyPair OTHER_CA_KEY = rsa();

    public static final X509Certificate CA = ca("CN=Portcullis Test CA", CA_KEY);
    public static final X509Certificate OTHER_CA = ca("CN=Someone Else's CA", OTHER_CA_KEY);
    public static final X509Certificate GATEWAY = new Leaf("CN=gw.test", "gw.test", "192.0.2.2").withSubnets()
            .issue(GATEWAY_KEY, CA, CA_KEY);

    private TestPki() {
    }

    public static RSAPrivateKey gatewayKey() {
        return (RSAPrivateKey) GATEWAY_KEY.getPrivate();
    }

    public static RSAPrivateKey peerKey() {
        return (RSAPrivateKey) PEER_KEY.getPrivate();
    }

    /** The usual peer: peer.test / 192.0.2.1, EKUs as strongSwan likes them, 203.0.113.0/24 delegated. */
    public static Leaf peer() {
        return new Leaf("CN=peer.test", "peer.test", "192.0.2.1");
    }

    /** A leaf for another name and address (its validity still around {@link #NOW}; see {@link Leaf#validAround}). */
    public static Leaf leaf(String subject, String dns, String ip) {
        return new Leaf(subject, dns, ip);
    }

    /** A fresh RSA-2048 key pair (for PKIs outside the fixed test clock, e.g. the benchmark's). */
    public static KeyPair newRsaKeyPair() {
        return rsa();
    }

    /** A self-signed CA valid ten years either side of {@code now}. */
    public static X509Certificate selfSignedCa(String subject, KeyPair key, Instant now) {
        return ca(subject, key, now);
    }

    public static X509Certificate peerCertificate() {
        return peer().issue(PEER_KEY, CA, CA_KEY);
    }

    public static X509Certificate issueByOtherCa(Leaf leaf) {
        return leaf.issue(PEER_KEY, OTHER_CA, OTHER_CA_KEY);
    }

    /** A leaf certificate description; each setter returns a changed copy. */
    public record Leaf(String subject, String dns, String ip, List<String> subnets, boolean withEku,
            Instant notBefore, Instant notAfter, BigInteger serial, String ocspUrl) {

        Leaf(String subject, String dns, String ip) {
            this(subject, dns, ip, List.of("203.0.113.0/24"), true, NOW.minus(Duration.ofDays(30)),
                    NOW.plus(Duration.ofDays(365)), new BigInteger(64, RANDOM).setBit(63), null);
        }

        public Leaf withSubnets(String... cidrs) {
            return new Leaf(subject, dns, ip, List.of(cidrs), withEku, notBefore, notAfter, serial, ocspUrl);
        }

        /** Names an OCSP responder in the authorityInfoAccess extension (RFC 5280 §4.2.2.1). */
        public Leaf withOcsp(String url) {
            return new Leaf(subject, dns, ip, subnets, withEku, notBefore, notAfter, serial, url);
        }

        public Leaf withoutEku() {
            return new Leaf(subject, dns, ip, subnets, false, notBefore, notAfter, serial, ocspUrl);
        }

        public Leaf expired() {
            return new Leaf(subject, dns, ip, subnets, withEku, NOW.minus(Duration.ofDays(400)),
                    NOW.minus(Duration.ofDays(1)), serial, ocspUrl);
        }

        /** Valid from 30 days before {@code now} to a year after (a PKI on the real clock). */
        public Leaf validAround(Instant now) {
            return new Leaf(subject, dns, ip, subnets, withEku, now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(365)),
                    serial, ocspUrl);
        }

        public X509Certificate issue() {
            return issue(PEER_KEY, CA, CA_KEY);
        }

        public X509Certificate issue(KeyPair key, X509Certificate issuer, KeyPair issuerKey) {
            try {
                X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                        new X500Name(issuer.getSubjectX500Principal().getName()), serial, Date.from(notBefore),
                        Date.from(notAfter), new X500Name(subject), key.getPublic());
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.dNSName, dns), new GeneralName(GeneralName.iPAddress, ip)}));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                if (withEku) {
                    builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
                            KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_ipsecIKE}));
                } else {
                    builder.addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(KeyPurposeId.id_kp_emailProtection));
                }
                if (ocspUrl != null) {
                    builder.addExtension(Extension.authorityInfoAccess, false, new org.bouncycastle.asn1.x509.AuthorityInformationAccess(
                            org.bouncycastle.asn1.x509.AccessDescription.id_ad_ocsp,
                            new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl)));
                }
                if (!subnets.isEmpty()) {
                    builder.addExtension(new ASN1ObjectIdentifier("1.3.6.1.5.5.7.1.7"), true, ipAddrBlocks(subnets));
                }
                return sign(builder, issuerKey);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** RFC 3779 §2.2.3: IPAddrBlocks with one IPv4 family holding prefixes as BIT STRINGs. */
    static DERSequence ipAddrBlocks(List<String> cidrs) {
        ASN1EncodableVector prefixes = new ASN1EncodableVector();
        for (String cidr : cidrs) {
            String[] parts = cidr.split("/");
            String[] octets = parts[0].split("\\.");
            int length = Integer.parseInt(parts[1]);
            byte[] bits = new byte[(length + 7) / 8];
            for (int i = 0; i < bits.length; i++) {
                bits[i] = (byte) Integer.parseInt(octets[i]);
            }
            prefixes.add(new DERBitString(bits, bits.length * 8 - length));
        }
        ASN1EncodableVector family = new ASN1EncodableVector();
        family.add(new DEROctetString(new byte[] {0, 1}));
        family.add(new DERSequence(prefixes));
        return new DERSequence(new DERSequence(family));
    }

    private static X509Certificate ca(String subject, KeyPair key) {
        return ca(subject, key, NOW);
    }

    private static X509Certificate ca(String subject, KeyPair key, Instant now) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(subject), BigInteger.ONE,
                    Date.from(now.minus(Duration.ofDays(3650))), Date.from(now.plus(Duration.ofDays(3650))),
                    new X500Name(subject), key.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            return sign(builder, key);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuerKey) {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey.getPrivate())));
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
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
