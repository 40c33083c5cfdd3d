package io.portcullis.ike.bench;

import io.portcullis.ike.harness.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The benchmark's PKI on the real clock (strongSwan checks validity against it): an RSA-2048 CA,
 * the gateway gw.test and the peer peer.test (10.0.0.0/8 delegated, RFC 3779: each tunnel of the
 * benchmark protects an address of its own from it), written as PEM
 * files that both responders and the initiator load, so all three use the very same keys. Each
 * handshake authenticates as a peer of its own ({@link #peers}: peer-N.test, the peer key): many
 * gateways, as in a real deployment, and not one gateway re-authenticating (strongSwan's IKEv1
 * responder adopts the tunnels of an IKE SA with the same identities and deletes it).
 */
record BenchPki(X509Certificate ca, X509Certificate gateway, RSAPrivateKey gatewayKey, X509Certificate peer,
        RSAPrivateKey peerKey, List<X509Certificate> peers) {

    static final String CA = "ca.pem";
    static final String GATEWAY = "gw.pem";
    static final String GATEWAY_KEY = "gw.key";
    static final String PEER = "peer.pem";
    static final String PEER_KEY = "peer.key";
    static final String PEER_SUBNETS = "10.0.0.0/8";

    static BenchPki generate(Path dir, String gatewayAddress, int peerCount) throws IOException {
        Instant now = Instant.now();
        KeyPair caKey = TestPki.newRsaKeyPair();
        KeyPair gatewayKey = TestPki.newRsaKeyPair();
        KeyPair peerKey = TestPki.newRsaKeyPair();
        X509Certificate ca = TestPki.selfSignedCa("CN=Portcullis Bench CA", caKey, now);
        X509Certificate gateway = TestPki.leaf("CN=gw.test", "gw.test", gatewayAddress).withSubnets().validAround(now)
                .issue(gatewayKey, ca, caKey);
        X509Certificate peer = TestPki.leaf("CN=peer.test", "peer.test", "192.0.2.1").withSubnets(PEER_SUBNETS)
                .validAround(now)
                .issue(peerKey, ca, caKey);
        Files.createDirectories(dir);
        write(dir.resolve(CA), "CERTIFICATE", encoded(ca));
        write(dir.resolve(GATEWAY), "CERTIFICATE", encoded(gateway));
        write(dir.resolve(GATEWAY_KEY), "PRIVATE KEY", gatewayKey.getPrivate().getEncoded());
        write(dir.resolve(PEER), "CERTIFICATE", encoded(peer));
        write(dir.resolve(PEER_KEY), "PRIVATE KEY", peerKey.getPrivate().getEncoded());
        List<X509Certificate> peers = new ArrayList<>(peerCount);
        for (int i = 0; i < peerCount; i++) {
            peers.add(TestPki.leaf("CN=" + peerName(i), peerName(i), "192.0.2.1").withSubnets(PEER_SUBNETS).validAround(now)
                    .issue(peerKey, ca, caKey));
        }
        BenchPki loaded = load(dir);
        return new BenchPki(loaded.ca(), loaded.gateway(), loaded.gatewayKey(), loaded.peer(), loaded.peerKey(), peers);
    }

    static String peerName(int index) {
        return "peer-" + index + ".test";
    }

    static BenchPki load(Path dir) throws IOException {
        return new BenchPki(certificate(dir.resolve(CA)), certificate(dir.resolve(GATEWAY)), key(dir.resolve(GATEWAY_KEY)),
                certificate(dir.resolve(PEER)), key(dir.resolve(PEER_KEY)), List.of());
    }

    private static void write(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (GeneralSecurityException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static RSAPrivateKey key(Path file) throws IOException {
        String pem = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (GeneralSecurityException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
