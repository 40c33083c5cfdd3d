package io.portcullis.server.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ocsp.CertID;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Garbage, truncated, oversized and unsupported requests: always an OCSP error response, never a
 * 500. Run against each HTTP front end of the responder: {@code /ocsp} on the main port
 * ({@link OcspHostileInputTest}) and the dedicated listener ({@link OcspListenerHostileInputTest}).
 */
abstract class OcspHostileInputContract {

    private static final SecureRandom RANDOM = new SecureRandom();
    X509CertificateHolder issuing;
    byte[] valid;

    /** The TCP port of the front end under test. */
    abstract int port();

    RequestSpecification given() {
        return RestAssured.given().port(port());
    }

    // Not @BeforeAll: RestAssured learns the random test port only once the application is up.
    @BeforeEach
    void setUp() throws Exception {
        issuing = RevocationApi.issuingCa();
        valid = OcspClient.request(null, OcspClient.id(OcspClient.SHA1, issuing, BigInteger.valueOf(12345))).getEncoded();
    }

    int status(byte[] body) throws Exception {
        return new OCSPResp(postRaw(body)).getStatus();
    }

    byte[] postRaw(byte[] body) {
        return given().contentType("application/ocsp-request").body(body).post("/ocsp")
                .then().statusCode(200).contentType("application/ocsp-response").extract().asByteArray();
    }

    @Test
    void randomBytesAreMalformed() throws Exception {
        for (int i = 0; i < 50; i++) {
            byte[] garbage = new byte[1 + RANDOM.nextInt(600)];
            RANDOM.nextBytes(garbage);
            assertThat(status(garbage)).isEqualTo(OCSPResp.MALFORMED_REQUEST);
        }
    }

    @Test
    void everyTruncationOfAValidRequestIsMalformed() throws Exception {
        for (int length = 1; length < valid.length; length++) {
            assertThat(status(Arrays.copyOf(valid, length))).as("truncated to %d bytes", length).isEqualTo(OCSPResp.MALFORMED_REQUEST);
        }
    }

    @Test
    void everySingleByteCorruptionIsAnsweredWithoutA500() throws Exception {
        for (int i = 0; i < valid.length; i++) {
            byte[] corrupt = valid.clone();
            corrupt[i] ^= (byte) (1 + RANDOM.nextInt(255));
            OCSPResp response = new OCSPResp(postRaw(corrupt));
            assertThat(response.getStatus()).isIn(OCSPResp.SUCCESSFUL, OCSPResp.MALFORMED_REQUEST, OCSPResp.UNAUTHORIZED);
        }
    }

    @Test
    void trailingBytesAreMalformed() throws Exception {
        byte[] trailing = Arrays.copyOf(valid, valid.length + 3);
        assertThat(status(trailing)).isEqualTo(OCSPResp.MALFORMED_REQUEST);
    }

    @Test
    void emptyAndOversizedBodiesAreMalformed() throws Exception {
        assertThat(status(new byte[0])).isEqualTo(OCSPResp.MALFORMED_REQUEST);
        byte[] big = new byte[20_000];
        big[0] = 0x30;
        assertThat(status(big)).isEqualTo(OCSPResp.MALFORMED_REQUEST);
        // A length field claiming far more than was sent.
        assertThat(status(new byte[] {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x30, 0x00})).isEqualTo(OCSPResp.MALFORMED_REQUEST);
    }

    @Test
    void bodiesOverTheHttpLimitAre413() {
        given().contentType("application/ocsp-request").body(new byte[300 * 1024]).post("/ocsp").then().statusCode(413);
    }

    @Test
    void chunkedBodiesOverTheHttpLimitAre413() throws Exception {
        // No Content-Length: the limit has to be enforced while the body streams in.
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + port() + "/ocsp"))
                .header("Content-Type", "application/ocsp-request")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[600 * 1024]))).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void nonOcspContentTypesAreRefusedByHttp() {
        given().contentType("application/json").body("{\"serial\":1}").post("/ocsp").then().statusCode(415)
                .contentType("application/problem+json");
        given().body(valid).post("/ocsp").then().statusCode(415);
        given().contentType("application/ocsp-requestx").body(valid).post("/ocsp").then().statusCode(415);
    }

    @Test
    void contentTypeParametersAreIgnored() throws Exception {
        byte[] body = given().contentType("application/ocsp-request; charset=binary").body(valid).post("/ocsp")
                .then().statusCode(200).contentType("application/ocsp-response").extract().asByteArray();
        assertThat(new OCSPResp(body).getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
    }

    @Test
    void unsupportedHashAlgorithmIsMalformed() throws Exception {
        CertificateID sha1 = OcspClient.id(OcspClient.SHA1, issuing, BigInteger.TEN);
        CertID md5 = new CertID(new AlgorithmIdentifier(PKCSObjectIdentifiers.md5, DERNull.INSTANCE),
                sha1.toASN1Primitive().getIssuerNameHash(), sha1.toASN1Primitive().getIssuerKeyHash(), new ASN1Integer(10));
        assertThat(status(new OCSPReqBuilder().addRequest(new CertificateID(md5)).build().getEncoded())).isEqualTo(OCSPResp.MALFORMED_REQUEST);
    }

    @Test
    void unknownCriticalExtensionIsMalformedAndUnknownNonCriticalIsIgnored() throws Exception {
        CertificateID id = OcspClient.id(OcspClient.SHA1, issuing, BigInteger.TEN);
        ASN1ObjectIdentifier invented = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1");
        byte[] critical = new OCSPReqBuilder().addRequest(id)
                .setRequestExtensions(new Extensions(new Extension(invented, true, new DEROctetString(new byte[] {1})))).build().getEncoded();
        assertThat(status(critical)).isEqualTo(OCSPResp.MALFORMED_REQUEST);
        byte[] nonCritical = new OCSPReqBuilder().addRequest(id)
                .setRequestExtensions(new Extensions(new Extension(invented, false, new DEROctetString(new byte[] {1})))).build().getEncoded();
        assertThat(status(nonCritical)).isEqualTo(OCSPResp.SUCCESSFUL);
    }

    @Test
    void tooManyCertificateIdsAreMalformed() throws Exception {
        OCSPReqBuilder builder = new OCSPReqBuilder();
        for (int i = 1; i <= 33; i++) {
            builder.addRequest(OcspClient.id(OcspClient.SHA1, issuing, BigInteger.valueOf(i)));
        }
        assertThat(status(builder.build().getEncoded())).isEqualTo(OCSPResp.MALFORMED_REQUEST);
    }

    @Test
    void wellFormedDerOfTheWrongShapeIsMalformed() throws Exception {
        assertThat(status(new DERSequence(new ASN1EncodableVector()).getEncoded())).isEqualTo(OCSPResp.MALFORMED_REQUEST);
        assertThat(status(new DERSequence(new DERSequence(new DERSequence(new ASN1EncodableVector()))).getEncoded()))
                .isEqualTo(OCSPResp.MALFORMED_REQUEST);
        assertThat(status(new ASN1Integer(5).getEncoded())).isEqualTo(OCSPResp.MALFORMED_REQUEST);
        assertThat(status(issuing.getEncoded())).isEqualTo(OCSPResp.MALFORMED_REQUEST);
    }

    @Test
    void badGetRequestsAreMalformed() throws Exception {
        for (String path : new String[] {"/ocsp/%25%25%25", "/ocsp/a", "/ocsp/bm90IGFuIG9jc3AgcmVxdWVzdA==", "/ocsp/" + "A".repeat(3000)}) {
            byte[] body = given().urlEncodingEnabled(false).get(path).then().statusCode(200).extract().asByteArray();
            assertThat(new OCSPResp(body).getStatus()).as(path).isEqualTo(OCSPResp.MALFORMED_REQUEST);
        }
        // Longer than the HTTP layer's request line limit.
        given().urlEncodingEnabled(false).get("/ocsp/" + "A".repeat(40_000)).then().statusCode(414);
    }
}
