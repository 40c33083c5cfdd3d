package io.portcullis.server.revocation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OcspApiTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    X509CertificateHolder issuing;

    // Not @BeforeAll: RestAssured learns the random test port only once the application is up.
    @BeforeEach
    void issuer() throws Exception {
        issuing = RevocationApi.issuingCa();
    }

    static SingleResp single(OCSPResp response) {
        SingleResp[] responses = OcspClient.basic(response).getResponses();
        assertThat(responses).hasSize(1);
        return responses[0];
    }

    CertificateID sha1(BigInteger serial) {
        return OcspClient.id(OcspClient.SHA1, issuing, serial);
    }

    @Test
    void ocspAnswersGoodForAnIssuedCertificateSignedByADelegatedResponder() throws Exception {
        RevocationApi.Issued issued = RevocationApi.issueGateway("ocsp-good.example.net");
        OCSPResp response = OcspClient.post(OcspClient.request(null, sha1(issued.serial())));
        BasicOCSPResp basic = OcspClient.basic(response);

        assertThat(single(response).getCertStatus()).isNull(); // Bouncy Castle's GOOD
        X509CertificateHolder responder = basic.getCerts()[0];
        assertThat(responder.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuing))).isTrue();
        assertThat(ExtendedKeyUsage.fromExtensions(responder.getExtensions()).hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning)).isTrue();
        assertThat(responder.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck)).isNotNull();
        assertThat(Duration.between(responder.getNotBefore().toInstant(), responder.getNotAfter().toInstant()))
                .isLessThanOrEqualTo(Duration.ofDays(7));
        assertThat(basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(responder))).isTrue();
        assertThat(basic.getResponderId().toASN1Primitive().getName()).isNull(); // byKey
        SingleResp answer = single(response);
        assertThat(answer.getCertID()).isEqualTo(sha1(issued.serial()));
        assertThat(answer.getNextUpdate()).isNotNull();
        assertThat(answer.getThisUpdate().getTime() % 1000).isZero();
    }

    @Test
    void sha256CertIdsAreAnsweredWithTheSameCertId() throws Exception {
        RevocationApi.Issued issued = RevocationApi.issueGateway("ocsp-sha256.example.net");
        CertificateID id = OcspClient.id(OcspClient.SHA256, issuing, issued.serial());
        SingleResp answer = single(OcspClient.post(OcspClient.request(null, id)));
        assertThat(answer.getCertStatus()).isNull();
        assertThat(answer.getCertID()).isEqualTo(id);
    }

    @Test
    void ocspAnswersRevokedImmediatelyAfterRevocationEvenWhenGoodWasCached() throws Exception {
        RevocationApi.Issued issued = RevocationApi.issueGateway("ocsp-revoked.example.net");
        byte[] first = OcspClient.postRaw(OcspClient.request(null, sha1(issued.serial())).getEncoded());
        assertThat(OcspClient.postRaw(OcspClient.request(null, sha1(issued.serial())).getEncoded()))
                .as("a second request is answered from the pre-signed cache").isEqualTo(first);

        Instant before = Instant.now().minusSeconds(1);
        RevocationApi.revoke(issued.serial(), "keyCompromise");
        SingleResp answer = single(OcspClient.post(OcspClient.request(null, sha1(issued.serial()))));

        assertThat(answer.getCertStatus()).isInstanceOf(RevokedStatus.class);
        RevokedStatus revoked = (RevokedStatus) answer.getCertStatus();
        assertThat(revoked.getRevocationReason()).isEqualTo(1);
        assertThat(revoked.getRevocationTime().toInstant()).isAfterOrEqualTo(before.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void holdIsRevokedWithCertificateHoldAndReleaseIsGoodAgain() throws Exception {
        RevocationApi.Issued issued = RevocationApi.issueGateway("ocsp-hold.example.net");
        RevocationApi.revoke(issued.serial(), "certificateHold");
        assertThat(((RevokedStatus) single(OcspClient.post(OcspClient.request(null, sha1(issued.serial())))).getCertStatus())
                .getRevocationReason()).isEqualTo(6);
        RevocationApi.release(issued.serial());
        assertThat(single(OcspClient.post(OcspClient.request(null, sha1(issued.serial())))).getCertStatus()).isNull();
    }

    @Test
    void ocspAnswersUnknownForNeverIssuedSerial() throws Exception {
        BigInteger random = new BigInteger(128, RANDOM).setBit(127);
        assertThat(single(OcspClient.post(OcspClient.request(null, sha1(random)))).getCertStatus()).isInstanceOf(UnknownStatus.class);
    }

    @Test
    void severalCertificateIdsAreAnsweredTogether() throws Exception {
        RevocationApi.Issued good = RevocationApi.issueGateway("ocsp-multi-good.example.net");
        RevocationApi.Issued revoked = RevocationApi.issueGateway("ocsp-multi-revoked.example.net");
        RevocationApi.revoke(revoked.serial(), "superseded");
        BigInteger never = new BigInteger(120, RANDOM).setBit(119);

        SingleResp[] answers = OcspClient.basic(OcspClient.post(OcspClient.request(null, sha1(good.serial()),
                OcspClient.id(OcspClient.SHA256, issuing, revoked.serial()), sha1(never)))).getResponses();
        assertThat(answers).hasSize(3);
        assertThat(answers[0].getCertStatus()).isNull();
        assertThat(answers[1].getCertStatus()).isInstanceOf(RevokedStatus.class);
        assertThat(((RevokedStatus) answers[1].getCertStatus()).getRevocationReason()).isEqualTo(4);
        assertThat(answers[2].getCertStatus()).isInstanceOf(UnknownStatus.class);
    }

    @Test
    void anotherIssuerIsUnauthorized() throws Exception {
        RevocationApi.Issued issued = RevocationApi.issueGateway("ocsp-other-issuer.example.net");
        CertificateID rootId = OcspClient.id(OcspClient.SHA1, RevocationApi.rootCa(), issued.serial());
        assertThat(OcspClient.post(OcspClient.request(null, rootId)).getStatus()).isEqualTo(OCSPResp.UNAUTHORIZED);
        assertThat(OcspClient.post(OcspClient.request(null, sha1(issued.serial()), rootId)).getStatus()).isEqualTo(OCSPResp.UNAUTHORIZED);
    }

    @Test
    void nonceIsEchoed() throws Exception {
        RevocationApi.Issued issued = RevocationApi.issueGateway("ocsp-nonce.example.net");
        byte[] nonce = new byte[32];
        RANDOM.nextBytes(nonce);
        BasicOCSPResp basic = OcspClient.basic(OcspClient.post(OcspClient.request(nonce, sha1(issued.serial()))));
        assertThat(basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getExtnValue())
                .isEqualTo(new DEROctetString(new DEROctetString(nonce)));
    }

    @Test
    void oversizedOrEmptyNonceIsMalformed() throws Exception {
        BigInteger serial = RevocationApi.issueGateway("ocsp-big-nonce.example.net").serial();
        assertThat(OcspClient.post(OcspClient.request(new byte[33], sha1(serial))).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
        assertThat(OcspClient.post(OcspClient.request(new byte[0], sha1(serial))).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
    }

    @Test
    void getRequestsWorkAndAreHttpCacheable() throws Exception {
        BigInteger serial = RevocationApi.issueGateway("ocsp-get.example.net").serial();
        String base64 = Base64.getEncoder().encodeToString(OcspClient.request(null, sha1(serial)).getEncoded());
        byte[] body = given().urlEncodingEnabled(false).get("/ocsp/" + URLEncoder.encode(base64, StandardCharsets.US_ASCII))
                .then().statusCode(200).contentType("application/ocsp-response")
                .header("Cache-Control", matchesPattern("public, max-age=\\d+, no-transform, must-revalidate"))
                .header("ETag", matchesPattern("\"[0-9a-f]{32}\""))
                .extract().asByteArray();
        assertThat(single(new OCSPResp(body)).getCertStatus()).isNull();
        // Unencoded base64 with '/' and '+' straight in the path, as some clients send it.
        given().urlEncodingEnabled(false).get("/ocsp/" + base64).then().statusCode(200);
        // The URL-safe alphabet without padding.
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(OcspClient.request(null, sha1(serial)).getEncoded());
        assertThat(single(new OCSPResp(given().urlEncodingEnabled(false).get("/ocsp/" + urlSafe).then().statusCode(200)
                .extract().asByteArray())).getCertStatus()).isNull();
    }

    @Test
    void postResponsesAreNotStoredByHttpCaches() throws Exception {
        BigInteger serial = RevocationApi.issueGateway("ocsp-post-cache.example.net").serial();
        given().contentType("application/ocsp-request").body(OcspClient.request(null, sha1(serial)).getEncoded()).post("/ocsp")
                .then().statusCode(200).header("Cache-Control", "no-store");
    }
}
