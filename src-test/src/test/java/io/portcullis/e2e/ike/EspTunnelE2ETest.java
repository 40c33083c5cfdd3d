package io.portcullis.e2e.ike;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.portcullis.bench.UiLogin;
import io.portcullis.e2e.Openssl;
import io.portcullis.e2e.PackagedServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The whole story on the packaged server, with the gateway carrying ESP itself (TUN device, user-space
 * ESP): an administrator registers a peer through the REST API, the peer enrolls (REST, its subnet
 * written into the certificate as RFC 3779), strongSwan (kernel-libipsec, {@code encap = yes}) initiates,
 * ping and iperf3 pass in both directions as ESP-in-UDP on the wire, a rekey happens during a TCP flow
 * without breaking it, and revoking the peer tears the tunnel down within 5 s (DELETE notifies, routes
 * gone) and refuses its next attempt. Revocation is checked live against the server's own OCSP responder.
 *
 * <p>Needs root (network namespaces, TUN, UDP 500/4500); fails, never skips, without it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EspTunnelE2ETest {

    private static final String PASSWORD = "e2e-admin-password";
    private static final int HTTP_PORT = 8080; // inside the gateway's own network namespace: never taken
    private static final String PEER_INNER = "203.0.113.1";
    private static final String GATEWAY_INNER = TwoNamespaces.GATEWAY_PROTECTED;
    private static final String TUN = "pcesp0";

    private Path tmp;
    private TwoNamespaces net;
    private PackagedServer server;
    private Charon charon;
    private String token;
    private String peerId;

    @BeforeAll
    void registerEnrollAndStart() throws Exception {
        requireRootAndTools();
        tmp = Files.createTempDirectory("esp-e2e");
        boolean started = false;
        try {
            net = TwoNamespaces.create(PEER_INNER);
            server = PackagedServer.start(tmp.resolve("server-data"), Map.of(
                    "PORTCULLIS_ADMIN_PASSWORD", PASSWORD,
                    "PORTCULLIS_PUBLIC_URL", "http://" + net.managementGateway + ":" + HTTP_PORT,
                    "PORTCULLIS_IKE_ENABLED", "true",
                    "PORTCULLIS_IKE_ID", "fqdn:gw.test",
                    "PORTCULLIS_IKE_SUBNETS", "198.51.100.0/24",
                    "PORTCULLIS_IKE_REVOCATION", "strict",
                    "PORTCULLIS_IKE_TUN_NAME", TUN,
                    "PORTCULLIS_IKE_EXPIRE_INTERVAL", "PT1S"),
                    List.of("ip", "netns", "exec", net.gateway), net.managementGateway, HTTP_PORT);
            token = server.login("admin", PASSWORD);
            assertThat(server.logText()).contains("ESP data plane on TUN device " + TUN);

            // Administrator: register the peer with its subnet.
            JsonNode created = server.json("POST", "/api/v1/peers", token, Map.of("name", "branch1",
                    "identity", Map.of("type", "fqdn", "value", "branch1.test"), "subnets", List.of("203.0.113.0/24"),
                    "profile", "ike-gateway", "approval", "auto"), 201);
            peerId = created.get("id").asText();
            String secret = created.get("enrollmentSecret").asText();

            // The peer: a key, a CSR for exactly its identity, enrollment over REST.
            Path dir = PeerCredentials.charonDirectory(server, tmp.resolve("charon"));
            Openssl.ok(dir, "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout",
                    dir.resolve("private").resolve("branch1.key").toString(), "-subj", "/CN=branch1.test",
                    "-addext", "subjectAltName=DNS:branch1.test", "-out", "branch1.csr");
            JsonNode enrolled = server.json("POST", "/enroll/v1/csr", null, Map.of("peer", "branch1", "secret", secret,
                    "csr", Files.readString(dir.resolve("branch1.csr"))), 201);
            Files.writeString(dir.resolve("x509").resolve("branch1.crt"), enrolled.get("certificate").asText());

            charon = Charon.start(dir, net.peer);
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
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void pingAndTcpPassBothWaysAsEspOnTheWire() throws Exception {
        establish("branch1", "aes128-sha256-modp2048", "");
        try {
            carryTraffic();
            adminUiListsTheLiveTunnelAndDeletesIt();
        } finally {
            charon.terminateIke("branch1");
        }
        awaitRoute(false);
    }

    /** The admin UI's tunnels page shows the live SA the REST API lists, and its delete button ends it. */
    private void adminUiListsTheLiveTunnelAndDeletesIt() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String cookie = UiLogin.sessionCookie(http, server.url(""), "admin", PASSWORD);
        JsonNode sas = server.json("GET", "/api/v1/ike/sas", token, null, 200);
        String inboundSpi = sas.get(0).get("ipsecSas").get(0).get("inboundSpi").asText();
        String page = http.send(HttpRequest.newBuilder(URI.create(server.url("/ui/tunnels"))).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("branch1.test").contains("SPI in " + inboundSpi);
        Matcher form = Pattern.compile("action=\"(/ui/tunnels/[^\"]+/delete)\"[^>]*><input type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(page);
        assertThat(form.find()).as("delete form on the tunnels page").isTrue();
        HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(URI.create(server.url(form.group(1))))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(form.group(2), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).isLessThan(400);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (charon.listSas().contains("branch1:") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(charon.listSas()).as("strongSwan still holds the tunnel deleted in the admin UI").doesNotContain("branch1:");
        assertThat(charon.log()).contains("received DELETE for IKE_SA branch1");
    }

    private void carryTraffic() throws Exception {
        assertThat(Commands.ok("ip", "-n", net.gateway, "route", "show", "dev", TUN))
                .as("the gateway routed the peer's subnet into its TUN device").contains("203.0.113.0/24")
                .contains("src " + GATEWAY_INNER);

        Capture capture = Capture.start(net.peer, peerVeth(), tmp.resolve("ping.pcap"));
        ping(net.peer, PEER_INNER, GATEWAY_INNER);
        ping(net.gateway, GATEWAY_INNER, PEER_INNER);
        String wire = capture.stop();
        assertThat(count(wire, "192.0.2.2.4500 > 192.0.2.1.4500: UDP-encap: ESP")).as(wire).isGreaterThanOrEqualTo(6);
        assertThat(count(wire, "192.0.2.1.4500 > 192.0.2.2.4500: UDP-encap: ESP")).as(wire).isGreaterThanOrEqualTo(6);
        assertThat(wire).as("no inner packet in the clear on the wire").doesNotContain("ICMP echo");

        JsonNode upload = iperf(false, 4);
        JsonNode download = iperf(true, 4);
        double up = upload.at("/end/sum_received/bits_per_second").asDouble();
        double down = download.at("/end/sum_received/bits_per_second").asDouble();
        assertThat(up).as("peer → gateway TCP").isGreaterThan(1e6);
        assertThat(down).as("gateway → peer TCP").isGreaterThan(1e6);

        JsonNode child = find(server.json("GET", "/api/v1/ike/sas", token, null, 200), "branch1.test").get("ipsecSas").get(0);
        assertThat(child.get("inboundPackets").asLong()).as("ESP the gateway decrypted").isGreaterThan(1000);
        assertThat(charon.listSas()).containsPattern("in  [0-9a-f]{8}[^\\n]*? [1-9][0-9]{5,} bytes");
    }

    @Test
    @Order(2)
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void tcpFlowSurvivesRekeysAndTheHardExpiryOfTheReplacedSas() throws Exception {
        // strongSwan rekeys every 10 s (no jitter) and keeps a replaced IKEv1 SA until its life time (20 s)
        // ends; the gateway deletes it then (hard expiry, DELETE notify). The TCP flow must not notice.
        establish("rekey", "aes128gcm16-modp2048", "        rekey_time = 10s\n        life_time = 20s\n        rand_time = 0s\n");
        try {
            String firstSpi = find(server.json("GET", "/api/v1/ike/sas", token, null, 200), "branch1.test")
                    .get("ipsecSas").get(0).get("inboundSpi").asText();
            JsonNode flow = iperf(false, 30);
            assertThat(flow.has("error")).as(flow.toString()).isFalse();
            assertThat(flow.at("/end/sum_received/bytes").asDouble()).isGreaterThan(10e6);
            for (JsonNode interval : flow.get("intervals")) {
                assertThat(interval.at("/sum/bytes").asLong()).as("no second of the flow without data").isPositive();
            }
            assertThat(charon.log()).contains("CHILD_SA rekey{").containsPattern("creating rekey job for CHILD_SA ESP");
            assertThat(server.logText()).as("the first pair expired and was deleted during the flow")
                    .containsPattern("ESP SA pair in=" + firstSpi + " out=[0-9a-f]{8} removed \\((EXPIRED|PEER_DELETE)\\)");
            JsonNode children = find(server.json("GET", "/api/v1/ike/sas", token, null, 200), "branch1.test").get("ipsecSas");
            List<String> spis = new ArrayList<>();
            children.forEach(c -> spis.add(c.get("inboundSpi").asText()));
            assertThat(spis).as("replaced pairs are gone, the newest carries on").doesNotContain(firstSpi).isNotEmpty()
                    .hasSizeLessThanOrEqualTo(2);
        } finally {
            charon.terminateIke("rekey");
        }
        awaitRoute(false);
    }

    @Test
    @Order(3)
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void revokingThePeerTearsTheTunnelDownWithinFiveSecondsAndRefusesItsNextAttempt() throws Exception {
        establish("branch1", "aes128-sha256-modp2048", "");
        ping(net.peer, PEER_INNER, GATEWAY_INNER);
        // Traffic keeps flowing while the administrator acts.
        Process flood = new ProcessBuilder(Commands.in(net.peer, "ping", "-i", "0.05", "-I", PEER_INNER, GATEWAY_INNER))
                .redirectErrorStream(true).redirectOutput(tmp.resolve("flood.txt").toFile()).start();
        try {
            long start = System.nanoTime();
            server.json("POST", "/api/v1/peers/" + peerId + "/disable", token, Map.of(), 200);
            while (charon.listSas().contains("branch1:") && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10)) {
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(charon.listSas()).as("strongSwan still holds the tunnel").doesNotContain("branch1:");
            assertThat(seconds).as("teardown time").isLessThanOrEqualTo(5.0);
            assertThat(charon.log()).contains("received DELETE for ESP CHILD_SA").contains("received DELETE for IKE_SA branch1");
        } finally {
            flood.destroy();
            flood.waitFor(5, TimeUnit.SECONDS);
        }
        awaitRoute(false);
        Commands.Result again = charon.initiate("branch1", 30);
        assertThat(again.output()).doesNotContain("initiate completed successfully");
        assertThat(server.logText()).contains("status=REVOKED");
    }

    // ---- helpers ----

    private void establish(String name, String proposals, String childExtra) throws Exception {
        charon.load(SwanctlConnection.branch1(name).withEspProposals(proposals).withChildExtra(childExtra).config());
        Commands.Result result = charon.initiate(name, 30);
        if (!result.output().contains("initiate completed successfully")) {
            fail("strongSwan could not establish " + name + ":\n" + result.output() + "\n--- gateway log ---\n"
                    + TestHosts.tail(server.logText()));
        }
        awaitRoute(true);
    }

    private void awaitRoute(boolean present) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            boolean routed = Commands.ok("ip", "-n", net.gateway, "route", "show", "dev", TUN).contains("203.0.113.0/24");
            if (routed == present) {
                return;
            }
            if (System.nanoTime() > deadline) {
                fail("the route to 203.0.113.0/24 via " + TUN + " is " + (routed ? "still there" : "missing")
                        + "\n--- gateway log ---\n" + TestHosts.tail(server.logText()));
            }
            Thread.sleep(100);
        }
    }

    private static void ping(String namespace, String from, String to) throws Exception {
        Commands.Result result = Commands.run(30, Commands.in(namespace, "ping", "-c", "3", "-i", "0.2", "-W", "2", "-I",
                from, to));
        assertThat(result.ok()).as("ping %s -> %s in %s:\n%s", from, to, namespace, result.output()).isTrue();
    }

    /** iperf3 for {@code seconds}: peer → gateway, or gateway → peer with {@code reverse}; the client's JSON. */
    private JsonNode iperf(boolean reverse, int seconds) throws Exception {
        return Iperf.tcp(net, PEER_INNER, GATEWAY_INNER, seconds, reverse, tmp, server);
    }

    private String peerVeth() throws Exception {
        Matcher m = Pattern.compile("\\d+: (pcvp[0-9a-f]+)[@:]").matcher(Commands.ok("ip", "-n", net.peer, "-o", "link", "show"));
        if (!m.find()) {
            fail("no veth in the peer namespace");
        }
        return m.group(1);
    }

    /** tcpdump on the peer's outer interface: what really crosses the wire. */
    private record Capture(Process process, Path file) {
        static Capture start(String namespace, String device, Path file) throws Exception {
            Process p = new ProcessBuilder(Commands.in(namespace, "tcpdump", "-n", "-U", "-i", device, "-w", file.toString()))
                    .redirectErrorStream(true).redirectOutput(file.resolveSibling(file.getFileName() + ".log").toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!Files.readString(file.resolveSibling(file.getFileName() + ".log")).contains("listening on")) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    fail("tcpdump did not start: " + Files.readString(file.resolveSibling(file.getFileName() + ".log")));
                }
                Thread.sleep(50);
            }
            return new Capture(p, file);
        }

        String stop() throws Exception {
            Thread.sleep(1_000); // -U writes each packet at once; give the last ones time to arrive
            process.destroy();
            process.waitFor(5, TimeUnit.SECONDS);
            return Commands.ok("tcpdump", "-n", "-r", file.toString());
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static JsonNode find(JsonNode sas, String peerId) {
        for (JsonNode sa : sas) {
            if (sa.get("peerId").asText().equals(peerId)) {
                return sa;
            }
        }
        fail("no IKE SA of " + peerId + " in " + sas);
        return null;
    }

    private static void requireRootAndTools() throws IOException, InterruptedException {
        Commands.Result id = Commands.run("id", "-u");
        if (!id.output().strip().equals("0")) {
            fail("the ESP tunnel test needs root (network namespaces, TUN, UDP 500/4500); run ./bin/test as root. uid "
                    + id.output().strip());
        }
        for (String tool : List.of("/usr/lib/ipsec/charon", "/usr/sbin/swanctl", "/usr/bin/openssl", "/usr/bin/unshare",
                "/usr/bin/iperf3", "/usr/bin/tcpdump", "/usr/bin/ping")) {
            if (!Files.isExecutable(Path.of(tool))) {
                fail(tool + " is missing: install the packages listed in bin/test or run ./bin/test as root, which installs them");
            }
        }
    }
}
