package io.portcullis.server.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.revocation.listener.OcspListener;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dedicated OCSP listener's HTTP behaviour over bare sockets: the request forms OCSP clients
 * use, keep-alive and pipelining, and what is not an OCSP request at all. What an answer says is
 * the shared responder's (OcspApiTest); hostile OCSP bodies are OcspListenerHostileInputTest.
 */
@QuarkusTest
class OcspListenerTest {

    @Inject
    OcspListener listener;

    X509CertificateHolder issuing;

    @BeforeEach
    void issuer() throws Exception {
        issuing = RevocationApi.issuingCa();
    }

    int port() {
        return listener.boundPort().orElseThrow(() -> new AssertionError("the OCSP listener does not run in the test profile"));
    }

    CertificateID sha1(BigInteger serial) {
        return OcspClient.id(OcspClient.SHA1, issuing, serial);
    }

    byte[] request(byte[] nonce, BigInteger serial) throws Exception {
        return OcspClient.request(nonce, sha1(serial)).getEncoded();
    }

    static SingleResp single(byte[] body) throws Exception {
        return OcspApiTest.single(new OCSPResp(body));
    }

    static byte[] nonceOf(byte[] body) throws Exception {
        return ((DEROctetString) DEROctetString.getInstance(OcspClient.basic(new OCSPResp(body))
                .getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getParsedValue())).getOctets();
    }

    @Test
    void aPostToTheRootAsOpensslSendsByDefaultIsAnswered() throws Exception {
        RevocationApi.Issued issued = RevocationApi.issueGateway("listener-root.example.net");
        try (RawHttp http = new RawHttp(port())) {
            RawHttp.Response response = http.send(RawHttp.postOcsp("/", request(null, issued.serial()))).read();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Content-Type")).isEqualTo("application/ocsp-response");
            assertThat(response.header("Cache-Control")).isEqualTo("no-store");
            assertThat(single(response.body()).getCertStatus()).as("good").isNull();
        }
    }

    @Test
    void aRevocationIsAnsweredAtOnceThoughGoodWasPreSigned() throws Exception {
        RevocationApi.Issued issued = RevocationApi.issueGateway("listener-revoked.example.net");
        try (RawHttp http = new RawHttp(port())) {
            byte[] first = http.send(RawHttp.postOcsp("/ocsp", request(null, issued.serial()))).read().body();
            assertThat(http.send(RawHttp.postOcsp("/ocsp", request(null, issued.serial()))).read().body())
                    .as("the second answer comes from the pre-signed cache").isEqualTo(first);
            RevocationApi.revoke(issued.serial(), "keyCompromise");
            SingleResp answer = single(http.send(RawHttp.postOcsp("/ocsp", request(null, issued.serial()))).read().body());
            assertThat(answer.getCertStatus()).isInstanceOf(RevokedStatus.class);
            assertThat(((RevokedStatus) answer.getCertStatus()).getRevocationReason()).isEqualTo(1);
        }
    }

    @Test
    void getAnswersAreHttpCacheable() throws Exception {
        BigInteger serial = RevocationApi.issueGateway("listener-get.example.net").serial();
        String base64 = Base64.getEncoder().encodeToString(request(null, serial));
        try (RawHttp http = new RawHttp(port())) {
            for (String target : new String[] {"/ocsp/" + base64, "/" + base64}) {
                RawHttp.Response response = http.send(RawHttp.request("GET " + target + " HTTP/1.1", null)).read();
                assertThat(response.status()).as(target).isEqualTo(200);
                assertThat(response.header("Cache-Control")).matches("public, max-age=\\d+, no-transform, must-revalidate");
                assertThat(response.header("ETag")).matches("\"[0-9a-f]{32}\"");
                assertThat(single(response.body()).getCertStatus()).isNull();
            }
        }
    }

    @Test
    void pipelinedAnswersLeaveInRequestOrderWhenAnEarlierOneNeedsASignature() throws Exception {
        BigInteger serial = RevocationApi.issueGateway("listener-pipeline.example.net").serial();
        byte[] nonceA = "first-request-nonce".getBytes(StandardCharsets.US_ASCII);
        byte[] nonceC = "third-request-nonce".getBytes(StandardCharsets.US_ASCII);
        try (RawHttp http = new RawHttp(port())) {
            // A nonce makes an answer unique, so it is signed on a worker; garbage is refused at once.
            http.send(RawHttp.postOcsp("/ocsp", request(nonceA, serial)), RawHttp.postOcsp("/ocsp", new byte[] {1, 2, 3}),
                    RawHttp.postOcsp("/ocsp", request(nonceC, serial)), RawHttp.postOcsp("/ocsp", new byte[] {0x30}));
            assertThat(nonceOf(http.read().body())).isEqualTo(nonceA);
            assertThat(new OCSPResp(http.read().body()).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
            assertThat(nonceOf(http.read().body())).isEqualTo(nonceC);
            assertThat(new OCSPResp(http.read().body()).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
        }
    }

    @Test
    void morePipelinedRequestsThanTheWindowAreAllAnsweredInOrder() throws Exception {
        BigInteger serial = RevocationApi.issueGateway("listener-window.example.net").serial();
        int count = 60;
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        List<byte[]> nonces = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] nonce = ("nonce-" + i).getBytes(StandardCharsets.US_ASCII);
            nonces.add(nonce);
            all.writeBytes(RawHttp.postOcsp("/ocsp", request(nonce, serial)));
        }
        try (RawHttp http = new RawHttp(port())) {
            http.send(all.toByteArray());
            for (int i = 0; i < count; i++) {
                assertThat(nonceOf(http.read().body())).as("answer %d", i).isEqualTo(nonces.get(i));
            }
        }
    }

    @Test
    void http10IsClosedAfterTheAnswerUnlessItAsksForKeepAlive() throws Exception {
        byte[] der = request(null, BigInteger.valueOf(777));
        try (RawHttp http = new RawHttp(port())) {
            RawHttp.Response response = http.send(RawHttp.request("POST /ocsp HTTP/1.0", der, "Content-Type: application/ocsp-request")).read();
            assertThat(response.status()).isEqualTo(200);
            assertThat(http.closedByServer()).isTrue();
        }
        try (RawHttp http = new RawHttp(port())) {
            for (int i = 0; i < 3; i++) {
                RawHttp.Response response = http.send(RawHttp.request("POST /ocsp HTTP/1.0", der,
                        "Content-Type: application/ocsp-request", "Connection: keep-alive")).read();
                assertThat(response.header("Connection")).isEqualToIgnoringCase("keep-alive");
            }
        }
    }

    @Test
    void connectionCloseIsHonoured() throws Exception {
        try (RawHttp http = new RawHttp(port())) {
            RawHttp.Response response = http.send(RawHttp.postOcsp("/ocsp", request(null, BigInteger.TEN), "Connection: close")).read();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void anAbsoluteFormTargetIsServed() throws Exception {
        try (RawHttp http = new RawHttp(port())) {
            RawHttp.Response response = http.send(RawHttp.postOcsp("http://127.0.0.1:" + port() + "/ocsp?via=proxy",
                    request(null, BigInteger.TWO))).read();
            assertThat(new OCSPResp(response.body()).getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        }
    }

    @Test
    void aClientExpectingContinueGetsItThenTheAnswer() throws Exception {
        byte[] der = request(null, BigInteger.valueOf(4242));
        try (RawHttp http = new RawHttp(port())) {
            http.send(RawHttp.request("POST /ocsp HTTP/1.1", null, "Content-Type: application/ocsp-request",
                    "Content-Length: " + der.length, "Expect: 100-continue"));
            assertThat(http.read().status()).isEqualTo(100);
            RawHttp.Response response = http.send(der).read();
            assertThat(new OCSPResp(response.body()).getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        }
    }

    @Test
    void aChunkedBodyArrivingInPiecesIsAssembled() throws Exception {
        byte[] der = request(null, BigInteger.valueOf(99));
        int half = der.length / 2;
        try (RawHttp http = new RawHttp(port())) {
            http.send(RawHttp.request("POST /ocsp HTTP/1.1", null, "Content-Type: application/ocsp-request", "Transfer-Encoding: chunked"));
            http.send(chunk(der, 0, half));
            Thread.sleep(50);
            http.send(chunk(der, half, der.length), "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(new OCSPResp(http.read().body()).getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        }
    }

    private static byte[] chunk(byte[] data, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((Integer.toHexString(to - from) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data, from, to - from);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    @Test
    void bytesThatAreNotHttpAre400AndTheConnectionIsClosed() throws Exception {
        byte[][] garbage = {"NOT HTTP AT ALL\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
            {0x16, 0x03, 0x01, 0x00, (byte) 0xa5, 0x01, 0x00, '\r', '\n', '\r', '\n'},
            "POST /ocsp HTTP/1.1\r\nContent-Length: banana\r\n\r\n".getBytes(StandardCharsets.US_ASCII)};
        for (byte[] bytes : garbage) {
            try (RawHttp http = new RawHttp(port())) {
                RawHttp.Response response = http.send(bytes).read();
                assertThat(response.status()).isEqualTo(400);
                assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
                assertThat(http.closedByServer()).isTrue();
            }
        }
    }

    @Test
    void overlongRequestLinesAndHeadersAreRefused() throws Exception {
        try (RawHttp http = new RawHttp(port())) {
            assertThat(http.send(RawHttp.request("GET /ocsp/" + "A".repeat(40_000) + " HTTP/1.1", null)).read().status()).isEqualTo(414);
            assertThat(http.closedByServer()).isTrue();
        }
        try (RawHttp http = new RawHttp(port())) {
            RawHttp.Response response = http.send(RawHttp.postOcsp("/ocsp", new byte[] {0x30, 0}, "X-Filler: " + "x".repeat(9000))).read();
            assertThat(response.status()).isEqualTo(431);
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void otherMethodsAre405AndOtherTargetsAre404() throws Exception {
        try (RawHttp http = new RawHttp(port())) {
            RawHttp.Response response = http.send(RawHttp.request("PUT /ocsp HTTP/1.1", new byte[] {1})).read();
            assertThat(response.status()).isEqualTo(405);
            assertThat(response.header("Allow")).isEqualTo("GET, POST");
        }
        for (byte[] request : new byte[][] {RawHttp.request("GET / HTTP/1.1", null), RawHttp.request("GET /ocsp HTTP/1.1", null),
            RawHttp.postOcsp("/api/v1/certificates", new byte[] {1})}) {
            try (RawHttp http = new RawHttp(port())) {
                RawHttp.Response response = http.send(request).read();
                assertThat(response.status()).isEqualTo(404);
                assertThat(response.text()).contains("not an OCSP request");
            }
        }
    }

    @Test
    void aNonOcspBodyIs415() throws Exception {
        try (RawHttp http = new RawHttp(port())) {
            RawHttp.Response response = http.send(RawHttp.request("POST /ocsp HTTP/1.1", "{}".getBytes(StandardCharsets.US_ASCII),
                    "Content-Type: application/json")).read();
            assertThat(response.status()).isEqualTo(415);
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        }
    }

    @Test
    void anIdleConnectionIsClosed() throws Exception {
        // The test profile sets portcullis.ocsp.listener.idle-timeout to 2 s; the socket waits 10 s at most.
        try (RawHttp http = new RawHttp(port())) {
            long start = System.nanoTime();
            assertThat(http.closedByServer()).isTrue();
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(1_000L, 9_000L);
        }
    }
}
