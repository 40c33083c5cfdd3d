package io.portcullis.e2e.ike;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.portcullis.e2e.PackagedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Interoperability with a real IKEv1 peer: strongSwan's charon (kernel-libipsec, {@code encap = yes},
 * default fragmentation) in one network namespace initiates Main Mode + Quick Mode to the packaged
 * Portcullis server in another. Certificates come from Portcullis' REST API (operator issuance,
 * and peer enrollment with RFC 3779 subnets); peer revocation is checked live against Portcullis'
 * own OCSP responder at the AIA URL of the certificates ({@code PORTCULLIS_PUBLIC_URL} is the
 * server's address in the gateway namespace), as a gateway deployed apart from the CA would.
 * Peers with certificates issued outside enrollment tunnel only the inner address they
 * authenticate as (their IPv4 ID and iPAddress SAN, see AddressIdDelegation); enrolled peers tunnel
 * their delegated subnets, with FQDN and DN identities.
 *
 * <p>Needs root (network namespaces); fails, never skips, without it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StrongSwanInteropE2ETest {

    private static final String PASSWORD = "e2e-admin-password";
    private static final String GOOD = "203.0.113.1";
    private static final String TO_REVOKE = "203.0.113.2";
    private static final String FOREIGN = "203.0.113.3";
    private static final String MISMATCH = "203.0.113.4";
    /** Inner addresses of the enrolled peers, inside the subnets their certificates delegate. */
    private static final String FQDN_PEER = "203.0.113.17";
    private static final String FQDN_PEER_SUBNET = "203.0.113.16/28";
    private static final String DN_PEER = "203.0.113.33";
    private static final String DN_PEER_SUBNET = "203.0.113.32/28";

    private Path tmp;
    private TwoNamespaces net;
    private PackagedServer server;
    private int httpPort;
    private Charon charon;
    private String token;
    private PeerCredentials.Issued good;
    private PeerCredentials.Issued toRevoke;

    @BeforeAll
    void startGatewayResponderAndPeer() throws Exception {
        requireRootAndTools();
        tmp = Files.createTempDirectory("ike-interop");
        boolean started = false;
        try {
            net = TwoNamespaces.create(GOOD, TO_REVOKE, FOREIGN, MISMATCH, FQDN_PEER, DN_PEER);
            httpPort = PackagedServer.freePort();
            server = startServer(false);
            token = server.login("admin", PASSWORD);
            Path charonDir = PeerCredentials.charonDirectory(server, tmp.resolve("charon"));

            good = PeerCredentials.fromPortcullis(server, token, charonDir, "good", "/CN=good.test",
                    "DNS:good.test,IP:" + GOOD, "ike-gateway");
            toRevoke = PeerCredentials.fromPortcullis(server, token, charonDir, "revoked", "/CN=revoked.test",
                    "DNS:revoked.test,IP:" + TO_REVOKE, "ike-gateway");
            PeerCredentials.fromPortcullis(server, token, charonDir, "mismatch", "/CN=mismatch.test",
                    "DNS:mismatch.test,IP:" + MISMATCH, "ike-gateway");
            PeerCredentials.fromForeignCa(charonDir, "foreign", "IP:" + FOREIGN);
            PeerCredentials.enrolled(server, token, charonDir, "enrolled-fqdn", "fqdn", "enrolled.test", "/CN=enrolled.test",
                    "DNS:enrolled.test", FQDN_PEER_SUBNET);
            PeerCredentials.enrolled(server, token, charonDir, "enrolled-dn", "dn", "CN=dn.test,O=Peers", "/O=Peers/CN=dn.test",
                    null, DN_PEER_SUBNET);

            charon = Charon.start(charonDir, net.peer);
            started = true;
        } finally {
            if (!started) {
                stopAll();
            }
        }
    }

    @AfterAll
    void stopAll() throws Exception {
        TestHosts.closeAll(charon, server, net);
    }

    @Test
    @Order(1)
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aes128Sha256Modp2048WithPfsEstablishesMainAndQuickModeOverFragmentsAndNatT() throws Exception {
        establish("p1", "aes128-sha256-modp2048", "good.crt", GOOD);
        assertThat(charon.log()).contains("splitting IKE message").contains("to 192.0.2.1[4500]");
        JsonNode sas = server.json("GET", "/api/v1/ike/sas", token, null, 200);
        JsonNode sa = find(sas, GOOD);
        assertThat(sa.get("algorithms").asText()).contains("AES_CBC-128").contains("HMAC_SHA2_256").contains("group 14");
        assertThat(sa.get("peerBehindNat").asBoolean()).isTrue();
        JsonNode child = sa.get("ipsecSas").get(0);
        assertThat(child.get("localSelector").asText()).isEqualTo("198.51.100.0/24");
        assertThat(child.get("remoteSelector").asText()).isEqualTo(GOOD + "/32");
        awaitServerLog("status=GOOD source=ocsp");
        charon.terminateIke("p1");
    }

    @Test
    @Order(2)
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aes256Sha384Ecp384Establishes() throws Exception {
        establish("p2", "aes256-sha384-ecp384", "good.crt", GOOD);
        JsonNode sa = find(server.json("GET", "/api/v1/ike/sas", token, null, 200), GOOD);
        assertThat(sa.get("algorithms").asText()).contains("AES_CBC-256").contains("HMAC_SHA2_384").contains("group 20");
        charon.terminateIke("p2");
    }

    @Test
    @Order(3)
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void sha1ProposalIsRefusedWhileWeakAlgorithmsAreOff() throws Exception {
        Commands.Result result = attempt("p3", "aes128-sha1-modp2048", "good.crt", GOOD);
        assertThat(result.output()).doesNotContain("initiate completed successfully");
        assertThat(charon.log()).contains("received NO_PROPOSAL_CHOSEN error notify");
    }

    @Test
    @Order(4)
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void peerRevokedThroughTheApiIsTornDownAndRefusedOnItsNextAttempt() throws Exception {
        establish("p4", "aes128-sha256-modp2048", "revoked.crt", TO_REVOKE);
        server.json("POST", "/api/v1/certificates/" + toRevoke.serial().toString(16) + "/revoke", token,
                Map.of("reason", "keyCompromise"), 200);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (charon.listSas().contains("p4:") && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(charon.listSas()).as("strongSwan received our DELETE").doesNotContain("p4:");
        assertThat(charon.log()).contains("received DELETE for IKE_SA p4");
        Commands.Result again = charon.initiate("p4", 30);
        assertThat(again.output()).doesNotContain("initiate completed successfully");
        awaitServerLog("status=REVOKED source=ocsp");
        assertThat(find(server.json("GET", "/api/v1/ike/sas", token, null, 200), TO_REVOKE)).isNull();
    }

    @Test
    @Order(5)
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void certificateFromAnotherCaIsRefused() throws Exception {
        Commands.Result result = attempt("p5", "aes128-sha256-modp2048", "foreign.crt", FOREIGN);
        assertThat(result.output()).doesNotContain("initiate completed successfully");
        awaitServerLog("exchange failed .*path validation");
    }

    @Test
    @Order(6)
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void idNotBoundToTheCertificateIsRefused() throws Exception {
        // strongSwan sends only IDs its own matching binds to its certificate, and that matching
        // accepts wildcards: ID "CN=*" goes out with one of its certificates. RFC 4945 §3.1 wants
        // the ID to be the certificate's subject (or a SAN), so the gateway refuses it.
        Commands.Result result = attempt("p6", "aes128-sha256-modp2048", "mismatch.crt", "\"CN=*\"", MISMATCH);
        assertThat(result.output()).doesNotContain("initiate completed successfully");
        assertThat(charon.log()).contains("authentication of 'CN=*' (myself) successful")
                .contains("received INVALID_ID_INFORMATION error notify");
        awaitServerLog("exchange failed .*reason=ID_MISMATCH: ID CN=\\* is not bound to CN=");
    }

    @Test
    @Order(7)
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void aes128Sha1Modp2048EstablishesOnceWeakAlgorithmsAreEnabled() throws Exception {
        server.close();
        server = null;
        server = startServer(true);
        token = server.login("admin", PASSWORD);
        establish("p7", "aes128-sha1-modp2048", "good.crt", GOOD);
        JsonNode sa = find(server.json("GET", "/api/v1/ike/sas", token, null, 200), GOOD);
        assertThat(sa.get("algorithms").asText()).contains("HMAC_SHA1");
        assertThat(sa.get("ipsecSas").get(0).get("algorithms").asText()).contains("HMAC_SHA1_96");
        charon.terminateIke("p7");
    }

    @Test
    @Order(8)
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void ipv4IdentityIsBoundToTheIpSanAndTunnelsThatAddress() throws Exception {
        establish("p8", "aes128-sha256-modp2048", "good.crt", GOOD);
        assertThat(charon.log()).contains("authentication of '" + GOOD + "' (myself) successful");
        JsonNode sa = find(server.json("GET", "/api/v1/ike/sas", token, null, 200), GOOD);
        assertThat(sa.get("ipsecSas").get(0).get("remoteSelector").asText()).isEqualTo(GOOD + "/32");
        charon.terminateIke("p8");
    }

    @Test
    @Order(9)
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void enrolledPeerWithFqdnIdentityTunnelsItsDelegatedSubnet() throws Exception {
        Commands.Result result = attempt("p9", "aes128-sha256-modp2048", "enrolled-fqdn.crt", "enrolled.test", FQDN_PEER_SUBNET);
        assertEstablished("p9", result);
        JsonNode sa = find(server.json("GET", "/api/v1/ike/sas", token, null, 200), "enrolled.test");
        assertThat(sa).as("IKE SA of enrolled.test").isNotNull();
        assertThat(sa.get("ipsecSas").get(0).get("remoteSelector").asText()).isEqualTo(FQDN_PEER_SUBNET);
        charon.terminateIke("p9");
    }

    @Test
    @Order(10)
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void enrolledPeerWithDnIdentityTunnelsItsDelegatedSubnet() throws Exception {
        // strongSwan writes DNs in certificate order; the ID goes out as ID_DER_ASN1_DN.
        Commands.Result result = attempt("p10", "aes128-sha256-modp2048", "enrolled-dn.crt", "\"O=Peers, CN=dn.test\"",
                DN_PEER_SUBNET);
        assertEstablished("p10", result);
        assertThat(charon.log()).contains("authentication of 'O=Peers, CN=dn.test' (myself) successful");
        JsonNode sa = find(server.json("GET", "/api/v1/ike/sas", token, null, 200), "CN=dn.test,O=Peers");
        assertThat(sa).as("IKE SA of the DN peer").isNotNull();
        assertThat(sa.get("ipsecSas").get(0).get("remoteSelector").asText()).isEqualTo(DN_PEER_SUBNET);
        charon.terminateIke("p10");
    }

    @Test
    @Order(11)
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void certificateIssuedOutsideEnrollmentCannotTunnelASubnet() throws Exception {
        // good.crt is valid and trusted, but came from operator issuance: no RFC 3779 subnets. With an
        // FQDN ID it has no address to tunnel either, so a subnet in Quick Mode is refused.
        Commands.Result result = attempt("p11", "aes128-sha256-modp2048", "good.crt", "good.test", "203.0.113.0/28");
        assertThat(result.output()).doesNotContain("initiate completed successfully");
        assertThat(charon.log()).contains("received INVALID_ID_INFORMATION error notify");
        awaitServerLog("exchange failed .*notify=INVALID_ID_INFORMATION.*outside the subnets the peer's certificate delegates");
        charon.terminateIke("p11");
    }

    @Test
    @Order(12)
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void expiredCertificateFromThisCaIsRefused() throws Exception {
        // Portcullis never issues an already expired certificate, so the test signs one itself with the
        // issuing CA's key, read from the stopped server's database with its key store password.
        server.close();
        server = null;
        Path charonDir = tmp.resolve("charon");
        ExpiredCertificates.write(tmp.resolve("server-data"), charonDir.resolve("x509").resolve("good.crt"),
                new org.bouncycastle.asn1.x500.X500Name("CN=expired.test"), charonDir.resolve("x509").resolve("expired.crt"),
                charonDir.resolve("private").resolve("expired.key"));
        server = startServer(true);
        token = server.login("admin", PASSWORD);
        // Its subject as the ID, which no valid certificate of the peer carries: strongSwan must present it.
        Commands.Result result = attempt("p12", "aes128-sha256-modp2048", "expired.crt", "CN=expired.test", GOOD);
        assertThat(result.output()).contains("sending end entity cert \"CN=expired.test\"")
                .doesNotContain("initiate completed successfully");
        awaitServerLog("exchange failed .*(expired|validity|NotAfter)");
    }

    private void assertEstablished(String name, Commands.Result result) throws IOException {
        if (!result.output().contains("initiate completed successfully")) {
            fail("strongSwan could not establish " + name + ":\n" + result.output() + "\n--- gateway log (IKE) ---\n"
                    + ikeLines(server.logText()));
        }
    }

    private PackagedServer startServer(boolean allowWeak) throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>();
        env.put("PORTCULLIS_ADMIN_PASSWORD", PASSWORD);
        // The certificates' AIA and CDP name this server itself, reachable inside the gateway namespace.
        env.put("PORTCULLIS_PUBLIC_URL", "http://" + net.managementGateway + ":" + httpPort);
        env.put("PORTCULLIS_IKE_ENABLED", "true");
        env.put("PORTCULLIS_IKE_ID", "fqdn:gw.test");
        env.put("PORTCULLIS_IKE_SUBNETS", "198.51.100.0/24");
        env.put("PORTCULLIS_IKE_REVOCATION", "strict");
        env.put("PORTCULLIS_IKE_ALGORITHMS_ALLOW_WEAK", Boolean.toString(allowWeak));
        return PackagedServer.start(tmp.resolve("server-data"), env, List.of("ip", "netns", "exec", net.gateway),
                net.managementGateway, httpPort);
    }

    private void establish(String name, String proposals, String certificate, String id) throws Exception {
        Commands.Result result = attempt(name, proposals, certificate, id);
        if (!result.output().contains("initiate completed successfully")) {
            fail("strongSwan could not establish " + name + " (" + proposals + "):\n" + result.output()
                    + "\n--- gateway log (IKE) ---\n" + ikeLines(server.logText()));
        }
    }

    private Commands.Result attempt(String name, String proposals, String certificate, String id) throws Exception {
        return attempt(name, proposals, certificate, id, id);
    }

    private Commands.Result attempt(String name, String proposals, String certificate, String id, String inner)
            throws Exception {
        charon.load(connection(name, proposals, certificate, id, inner));
        return charon.initiate(name, 30);
    }

    /** @param inner the peer's side of the tunnel: an address ({@code /32} added) or a subnet in CIDR */
    private static String connection(String name, String proposals, String certificate, String id, String inner) {
        return SwanctlConnection.branch1(name).withProposals(proposals)
                .withIdentity(certificate, id, inner.contains("/") ? inner : inner + "/32").config();
    }

    private void awaitServerLog(String regex) throws IOException, InterruptedException {
        server.awaitLog(java.util.regex.Pattern.compile(regex), Duration.ofSeconds(10));
    }

    private static JsonNode find(JsonNode sas, String peerId) {
        for (JsonNode sa : sas) {
            if (sa.get("peerId").asText().equals(peerId)) {
                return sa;
            }
        }
        return null;
    }

    private static String ikeLines(String log) {
        List<String> lines = new ArrayList<>();
        for (String line : log.split("\n")) {
            if (line.contains("ike") || line.contains("revocation") || line.contains("ERROR")) {
                lines.add(line);
            }
        }
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static void requireRootAndTools() throws IOException, InterruptedException {
        Commands.Result id = Commands.run("id", "-u");
        if (!id.output().strip().equals("0")) {
            fail("the strongSwan interoperability test needs root (network namespaces, UDP 500/4500); run ./bin/test as root"
                    + " (CI does). Running as uid " + id.output().strip());
        }
        for (String tool : List.of("/usr/lib/ipsec/charon", "/usr/sbin/swanctl", "/usr/bin/openssl", "/usr/bin/unshare")) {
            if (!Files.isExecutable(Path.of(tool))) {
                fail(tool + " is missing: install the packages listed in bin/test (strongswan-charon strongswan-swanctl"
                        + " libcharon-extra-plugins ...) or run ./bin/test as root, which installs them");
            }
        }
    }
}
