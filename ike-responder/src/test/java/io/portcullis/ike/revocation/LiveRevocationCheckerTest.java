package io.portcullis.ike.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.portcullis.ike.exchange.auth.RevocationStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OCSP/CRL client against independent implementations: {@code openssl ocsp} as the responder
 * (delegated signer with and without EKU OCSPSigning) and CRLs from {@code openssl ca -gencrl},
 * plus a local HTTP server for what a hostile or broken responder sends.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveRevocationCheckerTest {

    @TempDir
    static Path dir;

    private RevocationPki pki;
    private RevocationPki otherCa;
    private Process ocspGood;
    private Process ocspNoEku;
    private HttpServer http;
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private int ocspPort;
    private int noEkuPort;
    private int closedPort;

    private X509Certificate good;
    private X509Certificate revoked;
    private X509Certificate revokedCrlOnly;
    private X509Certificate judgedByNoEkuResponder;
    private X509Certificate answeredWithGarbage;
    private X509Certificate unreachable;
    private X509Certificate crlFromOtherCa;
    private X509Certificate replayTarget;

    @BeforeAll
    void startResponders() throws Exception {
        pki = new RevocationPki(dir, "CN=Revocation Test CA");
        Path otherDir = Files.createDirectories(dir.resolve("other"));
        otherCa = new RevocationPki(otherDir, "CN=Revocation Test CA"); // same name, other key
        pki.responder("responder", true);
        pki.responder("not-a-responder", false);
        ocspPort = OpensslTools.freePort();
        noEkuPort = OpensslTools.freePort();
        closedPort = OpensslTools.freePort();
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            byte[] body = served.get(exchange.getRequestURI().getPath());
            exchange.getRequestBody().readAllBytes();
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        http.start();
        String web = "http://127.0.0.1:" + http.getAddress().getPort();

        good = pki.leaf("good", "http://127.0.0.1:" + ocspPort + "/ocsp", web + "/ca.crl");
        revoked = pki.leaf("revoked", "http://127.0.0.1:" + ocspPort + "/ocsp", web + "/ca.crl");
        revokedCrlOnly = pki.leaf("crl-only", null, web + "/ca.crl");
        judgedByNoEkuResponder = pki.leaf("no-eku", "http://127.0.0.1:" + noEkuPort + "/ocsp", web + "/ca.crl");
        answeredWithGarbage = pki.leaf("garbage", web + "/garbage", web + "/huge");
        unreachable = pki.leaf("unreachable", "http://127.0.0.1:" + closedPort + "/ocsp", "http://127.0.0.1:" + closedPort + "/crl");
        crlFromOtherCa = pki.leaf("other-crl", null, web + "/other.crl");
        replayTarget = pki.leaf("replay", web + "/replay", null);
        new IndexFile(dir).valid(good).revoked(revoked).revoked(revokedCrlOnly).revoked(judgedByNoEkuResponder)
                .revoked(replayTarget).write();
        served.put("/ca.crl", OpensslTools.crl(dir, 1));
        new IndexFile(otherDir).revoked(crlFromOtherCa).write();
        served.put("/other.crl", OpensslTools.crl(otherDir, 1));
        served.put("/garbage", "<html>not OCSP</html>".getBytes());
        served.put("/huge", new byte[64 * 1024]);
        ocspGood = OpensslTools.ocspResponder(dir, ocspPort, "responder", true);
        ocspNoEku = OpensslTools.ocspResponder(dir, noEkuPort, "not-a-responder", true);
    }

    @AfterAll
    void stop() throws InterruptedException {
        OpensslTools.stop(ocspGood);
        OpensslTools.stop(ocspNoEku);
        if (http != null) {
            http.stop(0);
        }
    }

    private final List<RevocationDecision> decisions = new ArrayList<>();

    private LiveRevocationChecker checker() {
        decisions.clear();
        return new LiveRevocationChecker(Duration.ofSeconds(5), 16 * 1024, 16, 4, new SecureRandom(), decisions::add);
    }

    private RevocationDecision last() {
        return decisions.get(decisions.size() - 1);
    }

    @Test
    void goodCertificateIsGoodFromOpensslOcspSignedByADelegatedResponderWithOurNonce() {
        LiveRevocationChecker checker = checker();
        assertThat(checker.check(good, pki.ca, Instant.now())).isEqualTo(RevocationStatus.GOOD);
        assertThat(last().source()).isEqualTo("ocsp");
        assertThat(last().reason()).contains("delegated responder CN=responder").contains("nonce echoed");
    }

    @Test
    void revokedCertificateIsRevokedFromOpensslOcsp() {
        LiveRevocationChecker checker = checker();
        assertThat(checker.check(revoked, pki.ca, Instant.now())).isEqualTo(RevocationStatus.REVOKED);
        assertThat(last().source()).isEqualTo("ocsp");
    }

    @Test
    void ocspAnswerIsCachedUntilNextUpdateAndForgottenWhenTheCaRevokes() {
        LiveRevocationChecker checker = checker();
        checker.check(good, pki.ca, Instant.now());
        checker.check(good, pki.ca, Instant.now());
        assertThat(last().source()).isEqualTo("ocsp-cache");
        assertThat(checker.check(good, pki.ca, Instant.now().plus(Duration.ofMinutes(11)))).isNotEqualTo(RevocationStatus.REVOKED);
        assertThat(last().source()).as("past nextUpdate the cache is not used").isNotEqualTo("ocsp-cache");
        checker.check(good, pki.ca, Instant.now());
        checker.forget(good.getSerialNumber());
        checker.check(good, pki.ca, Instant.now());
        // Seen once in CI (2026-12-06) answered from the CRL instead: the reason says why OCSP was not used.
        assertThat(last().source()).as("after forget(): %s", last().reason()).isEqualTo("ocsp");
    }

    @Test
    void responderWithoutOcspSigningEkuIsNotBelievedAndTheCrlDecides() {
        LiveRevocationChecker checker = checker();
        assertThat(checker.check(judgedByNoEkuResponder, pki.ca, Instant.now())).isEqualTo(RevocationStatus.REVOKED);
        assertThat(last().source()).isEqualTo("crl");
        assertThat(last().reason()).contains("lacks EKU id-kp-OCSPSigning");
    }

    @Test
    void crlFromOpensslCaRevokesAndIsCachedUntilNextUpdate() {
        LiveRevocationChecker checker = checker();
        assertThat(checker.check(revokedCrlOnly, pki.ca, Instant.now())).isEqualTo(RevocationStatus.REVOKED);
        assertThat(last().source()).isEqualTo("crl");
        assertThat(last().reason()).contains("KEY_COMPROMISE").contains("no OCSP URL");
        assertThat(checker.check(revokedCrlOnly, pki.ca, Instant.now())).isEqualTo(RevocationStatus.REVOKED);
        assertThat(last().source()).isEqualTo("crl-cache");
    }

    @Test
    void staleCrlIsNotBelieved() {
        LiveRevocationChecker checker = checker();
        assertThat(checker.check(revokedCrlOnly, pki.ca, Instant.now().plus(Duration.ofHours(2))))
                .isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(last().reason()).contains("stale");
    }

    @Test
    void crlSignedByAnotherKeyUnderTheSameNameIsNotBelieved() {
        LiveRevocationChecker checker = checker();
        assertThat(checker.check(crlFromOtherCa, pki.ca, Instant.now())).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(last().reason()).contains("signature does not verify");
    }

    @Test
    void garbageFromTheResponderAndAnOversizedCrlLeaveTheStatusUnknown() {
        LiveRevocationChecker checker = checker();
        assertThat(checker.check(answeredWithGarbage, pki.ca, Instant.now())).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(last().source()).isEqualTo("none");
        assertThat(last().reason()).contains("undecodable OCSP response").contains("sent more than 16384 bytes");
    }

    @Test
    void unreachableSourcesLeaveTheStatusUnknownWithBothReasons() {
        LiveRevocationChecker checker = checker();
        assertThat(checker.check(unreachable, pki.ca, Instant.now())).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(last().reason()).startsWith("OCSP: ").contains("; CRL: ").contains("failed");
    }

    @Test
    void replayedOcspResponseWithAnotherNonceIsNotBelieved() throws Exception {
        // A genuine openssl answer about this very certificate, captured for a request with
        // openssl's own nonce, then served again to our client, which sent a fresh nonce.
        Path captured = dir.resolve("captured.der");
        OpensslTools.run(dir, "ocsp", "-issuer", "ca.pem", "-serial", "0x" + replayTarget.getSerialNumber().toString(16),
                "-url", "http://127.0.0.1:" + ocspPort + "/ocsp", "-respout", captured.toString(), "-noverify");
        served.put("/replay", Files.readAllBytes(captured));
        LiveRevocationChecker checker = checker();
        assertThat(checker.check(replayTarget, pki.ca, Instant.now())).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(last().reason()).contains("the nonce is not ours");
    }
}
