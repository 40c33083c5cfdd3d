package io.portcullis.server.enrollment;

import static io.portcullis.server.enrollment.EnrollmentFixtures.PROBLEM;
import static io.portcullis.server.enrollment.EnrollmentFixtures.anonymous;
import static io.portcullis.server.enrollment.EnrollmentFixtures.as;
import static io.portcullis.server.enrollment.EnrollmentFixtures.ec;
import static io.portcullis.server.enrollment.EnrollmentFixtures.gatewayCsr;
import static io.portcullis.server.enrollment.EnrollmentFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.portcullis.ca.profile.IpAddressBlocks;
import io.portcullis.enrollment.peer.PeerRepository;
import io.portcullis.server.enrollment.EnrollmentFixtures.Registered;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RestEnrollmentApiTest {

    @Inject
    PeerRepository peers;

    static Response enroll(String peer, String secret, String csr) {
        return anonymous().body(Map.of("peer", peer, "secret", secret, "csr", csr)).post("/enroll/v1/csr");
    }

    static X509CertificateHolder certificate(String pem) throws Exception {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            return (X509CertificateHolder) parser.readObject();
        }
    }

    @Test
    void autoApprovedPeerEnrollsAndItsSubnetsAreInTheCertificateAsCriticalRfc3779Blocks() throws Exception {
        Registered peer = register("auto", List.of("198.51.100.0/24", "2001:db8:1::/48"));
        Response response = enroll(peer.name(), peer.secret(), gatewayCsr(ec(), peer.fqdn()));
        response.then().statusCode(201).body("status", equalTo("issued")).body("chain", hasSize(2))
                .body("certificate", startsWith("-----BEGIN CERTIFICATE-----"));
        X509CertificateHolder cert = certificate(response.path("certificate"));
        Extension blocks = cert.getExtension(IpAddressBlocks.OID);
        assertThat(blocks.isCritical()).isTrue();
        assertThat(blocks.getParsedValue()).isEqualTo(IpAddressBlocks.parse(List.of("198.51.100.0/24", "2001:db8:1::/48")).toExtensionValue());

        as("auditor").get("/api/v1/peers/" + peer.id()).then().statusCode(200)
                .body("status", equalTo("enrolled")).body("secretUsed", equalTo(true))
                .body("certificates", hasItem((String) response.path("serial")))
                .body("$", not(org.hamcrest.Matchers.hasKey("enrollmentSecret")));
        as("auditor").get("/api/v1/peers").then().statusCode(200).body("name", hasItem(peer.name()));
    }

    @Test
    void peerIdentifiedByItsDnEnrollsWithASubjectOnlyCsr() throws Exception {
        String name = EnrollmentFixtures.unique("gw-dn");
        String dn = "CN=" + name + ",O=Example";
        var registered = EnrollmentFixtures.as("operator").body(Map.of("name", name, "identity", Map.of("type", "dn", "value", dn),
                "subnets", List.of("192.0.2.0/28"), "profile", "ike-gateway", "approval", "auto"))
                .post("/api/v1/peers").then().statusCode(201).extract();
        Response response = enroll(name, registered.path("enrollmentSecret"), EnrollmentFixtures.pem(EnrollmentFixtures.csr(EnrollmentFixtures.ec(), dn, null)));
        response.then().statusCode(201);
        X509CertificateHolder cert = certificate(response.path("certificate"));
        assertThat(cert.getSubject().toString()).isEqualTo(dn);
        assertThat(cert.getExtension(org.bouncycastle.asn1.x509.Extension.subjectAlternativeName)).isNull();
    }

    @Test
    void peerCanBeAddressedByIdToo() {
        Registered peer = register("auto", List.of());
        enroll(peer.id(), peer.secret(), gatewayCsr(ec(), peer.fqdn())).then().statusCode(201);
    }

    @Test
    void reusedSecretIsRefused() {
        Registered peer = register("auto", List.of("203.0.113.0/24"));
        enroll(peer.name(), peer.secret(), gatewayCsr(ec(), peer.fqdn())).then().statusCode(201);
        enroll(peer.name(), peer.secret(), gatewayCsr(ec(), peer.fqdn())).then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:portcullis:problem:secret-used"));
    }

    @Test
    void expiredSecretIsRefused() {
        Registered peer = register("auto", List.of());
        QuarkusTransaction.requiringNew().run(() -> peers.findById(peer.id()).secretExpiresAt = Instant.now().minusSeconds(1));
        enroll(peer.name(), peer.secret(), gatewayCsr(ec(), peer.fqdn())).then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:portcullis:problem:secret-expired"));
    }

    @Test
    void wrongSecretAndUnknownPeerLookTheSameAndAreAudited() {
        Registered peer = register("auto", List.of());
        enroll(peer.name(), "not-the-secret", gatewayCsr(ec(), peer.fqdn())).then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:portcullis:problem:enrollment-refused"))
                .body("detail", equalTo("unknown peer or wrong enrollment secret"));
        enroll("no-such-peer", peer.secret(), gatewayCsr(ec(), peer.fqdn())).then().statusCode(403)
                .body("type", equalTo("urn:portcullis:problem:enrollment-refused"))
                .body("detail", equalTo("unknown peer or wrong enrollment secret"));
        as("auditor").queryParam("action", "enrollment.refused").queryParam("q", peer.name()).get("/api/v1/audit")
                .then().statusCode(200).body("items.details", hasItem(containsString("wrong or missing secret")))
                .body("items.details", not(hasItem(containsString(peer.secret()))));
        // The secret still works.
        enroll(peer.name(), peer.secret(), gatewayCsr(ec(), peer.fqdn())).then().statusCode(201);
    }

    @Test
    void identityMismatchIsNamedAuditedAndDoesNotConsumeTheSecret() {
        Registered peer = register("auto", List.of());
        enroll(peer.name(), peer.secret(), gatewayCsr(ec(), "evil.example.net")).then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:portcullis:problem:identity-mismatch"))
                .body("detail", containsString("DNS:evil.example.net"))
                .body("detail", containsString("fqdn " + peer.fqdn()));
        // An extra SAN next to the right one is refused too.
        KeyPair keys = ec();
        String extra = EnrollmentFixtures.pem(EnrollmentFixtures.csr(keys, "CN=" + peer.fqdn(), null,
                new GeneralName(GeneralName.dNSName, peer.fqdn()), new GeneralName(GeneralName.iPAddress, "192.0.2.9")));
        enroll(peer.name(), peer.secret(), extra).then().statusCode(400).body("detail", containsString("IP:192.0.2.9"));
        as("auditor").queryParam("action", "enrollment.refused").queryParam("q", "identity mismatch").get("/api/v1/audit")
                .then().statusCode(200).body("items.target", hasItem(peer.name()));
        enroll(peer.name(), peer.secret(), gatewayCsr(ec(), peer.fqdn())).then().statusCode(201);
    }

    @Test
    void twoConcurrentUsesOfOneSecretExactlyOneWins() throws Exception {
        Registered peer = register("auto", List.of());
        String a = gatewayCsr(ec(), peer.fqdn());
        String b = gatewayCsr(ec(), peer.fqdn());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (String csr : List.of(a, b)) {
                results.add(pool.submit((Callable<Integer>) () -> enroll(peer.name(), peer.secret(), csr).statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 403);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void manualApprovalFlow() {
        Registered peer = register("manual", List.of("192.0.2.0/25"));
        Response pending = enroll(peer.name(), peer.secret(), gatewayCsr(ec(), peer.fqdn()));
        pending.then().statusCode(202).body("status", equalTo("pending"));
        String location = pending.header("Location");
        assertThat(location).startsWith("/enroll/v1/requests/");
        anonymous().get(location).then().statusCode(202);
        as("auditor").get("/api/v1/peers/" + peer.id()).then().body("status", equalTo("pending"));

        String id = pending.path("requestId");
        as("auditor").queryParam("status", "pending").get("/api/v1/enrollment-requests").then().statusCode(200)
                .body("id", hasItem(id));
        as("auditor").post("/api/v1/enrollment-requests/" + id + "/approve").then().statusCode(403);
        as("operator").post("/api/v1/enrollment-requests/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("issued")).body("peerName", equalTo(peer.name()));
        as("operator").post("/api/v1/enrollment-requests/" + id + "/approve").then().statusCode(409);
        anonymous().get(location).then().statusCode(200).body("status", equalTo("issued"))
                .body("certificate", startsWith("-----BEGIN CERTIFICATE-----"));
        as("auditor").get("/api/v1/peers/" + peer.id()).then().body("status", equalTo("enrolled"));
    }

    @Test
    void rejectedRequestAnswers403OnPoll() {
        Registered peer = register("manual", List.of());
        Response pending = enroll(peer.name(), peer.secret(), gatewayCsr(ec(), peer.fqdn()));
        String id = pending.path("requestId");
        as("operator").body(Map.of("reason", "unknown site")).post("/api/v1/enrollment-requests/" + id + "/reject")
                .then().statusCode(200).body("status", equalTo("rejected"));
        anonymous().get(pending.header("Location")).then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:portcullis:problem:enrollment-rejected")).body("detail", containsString("unknown site"));
        as("auditor").get("/api/v1/peers/" + peer.id()).then().body("status", equalTo("registered"));
    }

    @Test
    void newSecretReplacesTheOldOne() {
        Registered peer = register("auto", List.of());
        String fresh = as("operator").post("/api/v1/peers/" + peer.id() + "/secret").then().statusCode(200).extract().path("enrollmentSecret");
        assertThat(fresh).isNotEqualTo(peer.secret()).hasSize(43);
        enroll(peer.name(), peer.secret(), gatewayCsr(ec(), peer.fqdn())).then().statusCode(403);
        enroll(peer.name(), fresh, gatewayCsr(ec(), peer.fqdn())).then().statusCode(201);
    }

    @Test
    void deletingAPeerRevokesItsCertificatesAndFreesItsName() {
        Registered peer = register("auto", List.of());
        String serial = enroll(peer.name(), peer.secret(), gatewayCsr(ec(), peer.fqdn())).then().statusCode(201).extract().path("serial");
        as("auditor").delete("/api/v1/peers/" + peer.id()).then().statusCode(403);
        as("operator").delete("/api/v1/peers/" + peer.id()).then().statusCode(200).body("status", equalTo("revoked"));
        as("auditor").get("/api/v1/certificates/" + serial).then().body("status", equalTo("revoked"))
                .body("revocationReason", equalTo("cessationOfOperation"));
        as("operator").body(Map.of("name", peer.name(), "identity", Map.of("type", "fqdn", "value", peer.fqdn())))
                .post("/api/v1/peers").then().statusCode(201);
    }

    @Test
    void disablingAPeerRevokesItsCertificates() {
        Registered peer = register("auto", List.of());
        String serial = enroll(peer.name(), peer.secret(), gatewayCsr(ec(), peer.fqdn())).then().statusCode(201).extract().path("serial");
        as("operator").post("/api/v1/peers/" + peer.id() + "/disable").then().statusCode(200).body("status", equalTo("disabled"));
        as("auditor").get("/api/v1/certificates/" + serial).then().body("status", equalTo("revoked"));
        as("operator").post("/api/v1/peers/" + peer.id() + "/secret").then().statusCode(409);
        as("operator").post("/api/v1/peers/" + peer.id() + "/enable").then().statusCode(200).body("status", equalTo("registered"));
    }

    @Test
    void registrationValidatesAndRefusesDuplicates() {
        Registered peer = register("auto", List.of());
        as("operator").body(Map.of("name", peer.name(), "identity", Map.of("type", "fqdn", "value", "other.example.net")))
                .post("/api/v1/peers").then().statusCode(409).body("type", equalTo("urn:portcullis:problem:peer-exists"));
        as("operator").body(Map.of("name", "other-" + peer.name(), "identity", Map.of("type", "fqdn", "value", peer.fqdn())))
                .post("/api/v1/peers").then().statusCode(409).body("type", equalTo("urn:portcullis:problem:identity-taken"));
        as("operator").body(Map.of("name", "x1", "identity", Map.of("type", "fqdn", "value", "x1.example.net"), "subnets", List.of("10.0.0.1/8")))
                .post("/api/v1/peers").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:portcullis:problem:invalid-subnet")).body("detail", containsString("10.0.0.0/8"));
        as("operator").body(Map.of("name", "x2", "identity", Map.of("type", "ipv4", "value", "gw.example.net")))
                .post("/api/v1/peers").then().statusCode(400).body("type", equalTo("urn:portcullis:problem:invalid-identity"));
        as("operator").body(Map.of("name", "x3", "identity", Map.of("type", "fqdn", "value", "x3.example.net"), "approval", "sometimes"))
                .post("/api/v1/peers").then().statusCode(400).body("type", equalTo("urn:portcullis:problem:invalid-approval"));
        as("auditor").body(Map.of("name", "x4", "identity", Map.of("type", "fqdn", "value", "x4.example.net")))
                .post("/api/v1/peers").then().statusCode(403);
        anonymous().get("/api/v1/peers").then().statusCode(401);
        as("auditor").get("/api/v1/peers/no-such-peer").then().statusCode(404);
    }

    @Test
    void ipv4IdentityBindsToAnIpSan() {
        String name = EnrollmentFixtures.unique("ip");
        String secret = as("operator").body(Map.of("name", name, "identity", Map.of("type", "ipv4", "value", "192.0.2.77")))
                .post("/api/v1/peers").then().statusCode(201).extract().path("enrollmentSecret");
        String csr = EnrollmentFixtures.pem(EnrollmentFixtures.csr(ec(), "CN=192.0.2.77", null, new GeneralName(GeneralName.iPAddress, "192.0.2.77")));
        enroll(name, secret, csr).then().statusCode(201);
    }

    @Test
    void failuresPerPeerAreRateLimited() {
        Registered peer = register("auto", List.of());
        for (int i = 0; i < 5; i++) {
            enroll(peer.name(), "wrong-" + i, gatewayCsr(ec(), peer.fqdn())).then().statusCode(403);
        }
        enroll(peer.name(), peer.secret(), gatewayCsr(ec(), peer.fqdn())).then().statusCode(429).contentType(PROBLEM)
                .body("type", equalTo("urn:portcullis:problem:too-many-enrollment-failures"));
        // A new secret from an operator lifts the block.
        String fresh = as("operator").post("/api/v1/peers/" + peer.id() + "/secret").then().statusCode(200).extract().path("enrollmentSecret");
        enroll(peer.name(), fresh, gatewayCsr(ec(), peer.fqdn())).then().statusCode(201);
    }

    @Test
    void caCertsAsPemAndPkcs7() {
        anonymous().get("/enroll/v1/cacerts").then().statusCode(200).contentType("application/pem-certificate-chain")
                .body(containsString("-----BEGIN CERTIFICATE-----"));
        byte[] p7 = anonymous().accept("application/pkcs7-mime").get("/enroll/v1/cacerts").then().statusCode(200)
                .contentType(containsString("application/pkcs7-mime")).extract().asByteArray();
        assertThat(p7[0]).isEqualTo((byte) 0x30);
    }

    static String sign(KeyPair keys, byte[] data) throws Exception {
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(keys.getPrivate());
        signature.update(data);
        return Base64.getEncoder().encodeToString(signature.sign());
    }

    @Test
    void renewalWithTheCurrentCertificateAndRefusalOnceRevoked() throws Exception {
        Registered peer = register("auto", List.of("198.51.100.0/28"));
        KeyPair oldKeys = ec();
        Response first = enroll(peer.name(), peer.secret(), gatewayCsr(oldKeys, peer.fqdn()));
        String oldPem = first.path("certificate");
        String oldSerial = first.path("serial");

        KeyPair newKeys = ec();
        PKCS10CertificationRequest newCsr = EnrollmentFixtures.csr(newKeys, "CN=" + peer.fqdn(), null,
                new GeneralName(GeneralName.dNSName, peer.fqdn()));
        Response renewed = anonymous().body(Map.of("certificate", oldPem, "csr", EnrollmentFixtures.pem(newCsr),
                "signature", sign(oldKeys, newCsr.getEncoded()))).post("/enroll/v1/renew");
        renewed.then().statusCode(201).body("status", equalTo("issued"));
        assertThat(certificate(renewed.path("certificate")).getExtension(IpAddressBlocks.OID)).isNotNull();

        // Signed with a key that is not the certificate's: refused.
        anonymous().body(Map.of("certificate", oldPem, "csr", EnrollmentFixtures.pem(newCsr), "signature", sign(newKeys, newCsr.getEncoded())))
                .post("/enroll/v1/renew").then().statusCode(403).body("type", equalTo("urn:portcullis:problem:renewal-signature-invalid"));

        as("operator").body(Map.of("reason", "keyCompromise")).post("/api/v1/certificates/" + oldSerial + "/revoke").then().statusCode(200);
        anonymous().body(Map.of("certificate", oldPem, "csr", EnrollmentFixtures.pem(newCsr), "signature", sign(oldKeys, newCsr.getEncoded())))
                .post("/enroll/v1/renew").then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:portcullis:problem:certificate-revoked"));
    }
}
