package io.portcullis.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.math.BigInteger;
import java.security.KeyPair;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CertificateApiTest {

    private static final String PROBLEM = "application/problem+json";

    static Response issue(String csr, String profile) {
        return Api.as("operator").body(Map.of("csr", csr, "profile", profile)).post("/api/v1/certificates");
    }

    static String issueGateway(String dns) {
        return issue(Csrs.gateway(dns), "ike-gateway").then().statusCode(201).extract().path("serial");
    }

    static long total() {
        return ((Number) Api.as("admin").get("/api/v1/certificates").then().statusCode(200).extract().path("total")).longValue();
    }

    @Test
    void issuesIkeGatewayCertificateWithChain() {
        issue(Csrs.gateway("gw1.example.net"), "ike-gateway")
                .then().statusCode(201)
                .body("serial", matchesPattern("[0-9a-f]{16,40}"))
                .body("certificate", startsWith("-----BEGIN CERTIFICATE-----"))
                .body("chain", hasSize(2));
    }

    @Test
    void issuesForRsaKeysToo() {
        KeyPair rsa = Csrs.rsa(2048, BigInteger.valueOf(65537));
        String csr = Csrs.pem(Csrs.request(rsa, "CN=gw-rsa.example.net", new GeneralName(GeneralName.dNSName, "gw-rsa.example.net"),
                new GeneralName(GeneralName.iPAddress, "192.0.2.7")));
        String serial = issue(csr, "ike-gateway").then().statusCode(201).extract().path("serial");
        Api.as("auditor").get("/api/v1/certificates/" + serial)
                .then().statusCode(200)
                .body("subjectAltNames", hasItem("ip:192.0.2.7"))
                .body("status", equalTo("valid"))
                .body("profile", equalTo("ike-gateway"));
    }

    @Test
    void searchFindsBySanTextAndStatus() {
        String serial = issueGateway("search-me.example.org");
        Api.as("auditor").queryParam("q", "search-me").get("/api/v1/certificates")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].serial", equalTo(serial));
        Api.as("auditor").queryParam("q", serial.substring(0, 10)).get("/api/v1/certificates")
                .then().statusCode(200).body("items.serial", hasItem(serial));
        Api.as("auditor").queryParam("status", "revoked").queryParam("q", "search-me").get("/api/v1/certificates")
                .then().statusCode(200).body("total", equalTo(0));
        Api.as("auditor").queryParam("expiringBefore", "2000-01-01T00:00:00Z").queryParam("q", "search-me")
                .get("/api/v1/certificates").then().statusCode(200).body("total", equalTo(0));
        Api.as("auditor").queryParam("page", 0).queryParam("size", 1).get("/api/v1/certificates")
                .then().statusCode(200).body("items", hasSize(1)).body("size", equalTo(1));
    }

    @Test
    void searchRejectsBadParameters() {
        Api.as("auditor").queryParam("status", "sleeping").get("/api/v1/certificates")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:portcullis:problem:invalid-status"));
        Api.as("auditor").queryParam("size", 100000).get("/api/v1/certificates").then().statusCode(400);
        Api.as("auditor").queryParam("expiringBefore", "tomorrow").get("/api/v1/certificates")
                .then().statusCode(400).body("type", equalTo("urn:portcullis:problem:invalid-timestamp"));
        Api.as("auditor").queryParam("q", "%' or '1'='1").get("/api/v1/certificates")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void revocationIsIdempotentAndAudited() {
        String serial = issueGateway("revoke-me.example.net");
        Api.as("operator").body(Map.of("reason", "keyCompromise")).post("/api/v1/certificates/" + serial + "/revoke")
                .then().statusCode(200).body("status", equalTo("revoked")).body("revocationReason", equalTo("keyCompromise"));
        String revokedAt = Api.as("operator").body(Map.of("reason", "keyCompromise"))
                .post("/api/v1/certificates/" + serial + "/revoke").then().statusCode(200).extract().path("revokedAt");
        Api.as("auditor").get("/api/v1/certificates/" + serial).then().body("revokedAt", equalTo(revokedAt));
        Api.as("operator").body(Map.of("reason", "superseded")).post("/api/v1/certificates/" + serial + "/revoke")
                .then().statusCode(409).contentType(PROBLEM).body("type", equalTo("urn:portcullis:problem:already-revoked"));
        Api.as("auditor").queryParam("action", "certificate.revoked").queryParam("q", serial).get("/api/v1/audit")
                .then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void holdCanBeReleasedOrMadePermanent() {
        String serial = issueGateway("hold.example.net");
        Api.as("operator").body(Map.of("reason", "certificateHold")).post("/api/v1/certificates/" + serial + "/revoke")
                .then().statusCode(200).body("status", equalTo("on_hold"));
        Api.as("operator").post("/api/v1/certificates/" + serial + "/release")
                .then().statusCode(200).body("status", equalTo("valid"));
        Api.as("operator").body(Map.of("reason", "certificateHold")).post("/api/v1/certificates/" + serial + "/revoke")
                .then().statusCode(200);
        Api.as("operator").body(Map.of("reason", "cessationOfOperation")).post("/api/v1/certificates/" + serial + "/revoke")
                .then().statusCode(200).body("status", equalTo("revoked"));
        Api.as("operator").post("/api/v1/certificates/" + serial + "/release")
                .then().statusCode(409).body("type", equalTo("urn:portcullis:problem:not-on-hold"));
    }

    @Test
    void revokeRefusesUnknownSerialsAndReasons() {
        Api.as("operator").body(Map.of("reason", "keyCompromise")).post("/api/v1/certificates/0123456789abcdef/revoke")
                .then().statusCode(404).contentType(PROBLEM);
        Api.as("operator").body(Map.of("reason", "keyCompromise")).post("/api/v1/certificates/not-hex/revoke")
                .then().statusCode(400).body("type", equalTo("urn:portcullis:problem:invalid-serial"));
        String serial = issueGateway("reason.example.net");
        Api.as("operator").body(Map.of("reason", "removeFromCRL")).post("/api/v1/certificates/" + serial + "/revoke")
                .then().statusCode(400).body("type", equalTo("urn:portcullis:problem:invalid-revocation-reason"));
        Api.as("operator").body(Map.of("reason", "keyCompromise", "invalidityDate", "2999-01-01T00:00:00Z"))
                .post("/api/v1/certificates/" + serial + "/revoke")
                .then().statusCode(400).body("type", equalTo("urn:portcullis:problem:invalid-invalidity-date"));
        Api.as("auditor").get("/api/v1/certificates/" + serial).then().body("status", equalTo("valid"));
    }

    @Test
    void pemDownloadServesTheCertificate() {
        String serial = issueGateway("pem.example.net");
        String pem = Api.as("auditor").accept("application/x-pem-file").get("/api/v1/certificates/" + serial + "/pem")
                .then().statusCode(200).extract().asString();
        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----");
    }

    /** Each bad request gets its precise problem type and stores nothing. */
    @Test
    void badRequestsAreRefusedPreciselyAndStoreNothing() {
        String good = Csrs.gateway("good.example.net");
        String body = good.replace("-----BEGIN CERTIFICATE REQUEST-----", "").replace("-----END CERTIFICATE REQUEST-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(body);
        byte[] tampered = der.clone();
        tampered[tampered.length - 10] ^= 0x01;
        byte[] truncated = java.util.Arrays.copyOf(der, der.length / 2);

        PKCS10CertificationRequest weak = Csrs.request(Csrs.rsa(1024, BigInteger.valueOf(65537)), "CN=weak.example.net",
                new GeneralName(GeneralName.dNSName, "weak.example.net"));
        PKCS10CertificationRequest badExponent = Csrs.request(Csrs.rsa(2048, BigInteger.valueOf(3)), "CN=e3.example.net",
                new GeneralName(GeneralName.dNSName, "e3.example.net"));
        PKCS10CertificationRequest oddCurve = Csrs.request(Csrs.ec("secp521r1"), "CN=p521.example.net",
                new GeneralName(GeneralName.dNSName, "p521.example.net"));
        PKCS10CertificationRequest uriSan = Csrs.request(Csrs.ec("secp256r1"), "CN=uri.example.net",
                new GeneralName(GeneralName.uniformResourceIdentifier, "https://uri.example.net/"));

        Map<String, String[]> cases = new HashMap<>();
        cases.put("not base64", new String[] { "!!!! not a csr !!!!", "ike-gateway", "malformed-csr" });
        cases.put("pem with bad base64", new String[] { "-----BEGIN CERTIFICATE REQUEST-----\n@@@@\n-----END CERTIFICATE REQUEST-----\n", "ike-gateway", "malformed-csr" });
        cases.put("truncated der", new String[] { Base64.getEncoder().encodeToString(truncated), "ike-gateway", "malformed-csr" });
        cases.put("wrong signature", new String[] { Base64.getEncoder().encodeToString(tampered), "ike-gateway", "csr-signature-invalid" });
        cases.put("rsa 1024", new String[] { Csrs.pem(weak), "ike-gateway", "weak-key" });
        cases.put("rsa e=3", new String[] { Csrs.pem(badExponent), "ike-gateway", "weak-key" });
        cases.put("p-521", new String[] { Csrs.pem(oddCurve), "ike-gateway", "unsupported-key" });
        cases.put("unknown profile", new String[] { good, "super-ca", "unknown-profile" });
        cases.put("uri san", new String[] { Csrs.pem(uriSan), "ike-gateway", "san-not-allowed" });

        long before = total();
        cases.forEach((name, c) -> issue(c[0], c[1]).then()
                .statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:portcullis:problem:" + c[2]))
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString())));
        assertThat(total()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void missingFieldsAreBadRequests() {
        Api.as("operator").body(Map.of("profile", "ike-gateway")).post("/api/v1/certificates")
                .then().statusCode(400).body("type", equalTo("urn:portcullis:problem:missing-csr"));
        Api.as("operator").body(Map.of("csr", Csrs.gateway("x.example.net"))).post("/api/v1/certificates")
                .then().statusCode(400).body("type", equalTo("urn:portcullis:problem:missing-profile"));
        Api.as("operator").body("[1,2,3]").post("/api/v1/certificates")
                .then().statusCode(400).contentType(PROBLEM);
        Api.as("operator").body(Map.of("csr", Csrs.gateway("x.example.net"), "profile", "ike-gateway", "validityDays", 3650))
                .post("/api/v1/certificates")
                .then().statusCode(400).body("type", equalTo("urn:portcullis:problem:validity-too-long"));
        Api.as("operator").contentType("text/plain").body("hello").post("/api/v1/certificates")
                .then().statusCode(415);
    }

    @Test
    void listsBothCasWithChains() {
        Api.as("auditor").get("/api/v1/cas")
                .then().statusCode(200)
                .body("", hasSize(2))
                .body("id", org.hamcrest.Matchers.contains("root", "issuing"))
                .body("[1].chain", hasSize(2))
                .body("[0].subject", containsString("Portcullis Root CA"));
    }
}
