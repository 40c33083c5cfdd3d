package io.portcullis.server.enrollment;

import static io.portcullis.server.enrollment.EnrollmentFixtures.as;
import static io.portcullis.server.enrollment.EnrollmentFixtures.csr;
import static io.portcullis.server.enrollment.EnrollmentFixtures.register;
import static io.portcullis.server.enrollment.EnrollmentFixtures.rsa;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.portcullis.ca.profile.IpAddressBlocks;
import io.portcullis.server.enrollment.EnrollmentFixtures.Registered;
import io.quarkus.test.junit.QuarkusTest;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ScepApiTest {

    static final int PKCS_REQ = 19;
    static final int RENEWAL_REQ = 17;
    static final int CERT_POLL = 20;
    static final int GET_CERT = 21;
    static final int GET_CRL = 22;

    record Enrolled(KeyPair keys, X509Certificate selfSigned, ScepClient.Reply reply) {
    }

    static Enrolled pkcsReq(ScepClient scep, Registered peer, String challenge, String transactionId) throws Exception {
        KeyPair keys = rsa();
        X509Certificate self = ScepClient.selfSigned(keys, "CN=" + peer.fqdn());
        byte[] csr = csr(keys, "CN=" + peer.fqdn(), challenge, new GeneralName(GeneralName.dNSName, peer.fqdn())).getEncoded();
        return new Enrolled(keys, self, scep.read(scep.post(scep.message(PKCS_REQ, transactionId, csr, keys, self)), keys));
    }

    @Test
    void getCaCapsListsWhatIsServed() {
        String caps = given().queryParam("operation", "GetCACaps").get("/scep").then().statusCode(200).contentType(containsString("text/plain"))
                .extract().asString();
        assertThat(caps.lines()).contains("AES", "SHA-256", "POSTPKIOperation", "Renewal", "SCEPStandard");
        given().queryParam("operation", "GetCACaps").get("/cgi-bin/pkiclient.exe").then().statusCode(200).body(equalTo(caps));
    }

    @Test
    void getCaCertServesAnRsaRaCertificateIssuedByTheCaAndTheChain() throws Exception {
        ScepClient scep = new ScepClient();
        assertThat(scep.ra).isNotNull();
        assertThat(scep.ra.getSubjectPublicKeyInfo().getAlgorithm().getAlgorithm().getId()).isEqualTo("1.2.840.113549.1.1.1");
        assertThat(scep.caChain).hasSize(2);
        assertThat(scep.caChain).extracting(X509CertificateHolder::getSubject).contains(scep.ra.getIssuer());
    }

    @Test
    void pkcsReqWithTheSecretIssuesWithSubnetsAndRetransmissionGetsTheSameAnswer() throws Exception {
        ScepClient scep = new ScepClient();
        Registered peer = register("auto", List.of("203.0.113.0/24"));
        KeyPair keys = rsa();
        X509Certificate self = ScepClient.selfSigned(keys, "CN=" + peer.fqdn());
        byte[] csr = csr(keys, "CN=" + peer.fqdn(), peer.secret(), new GeneralName(GeneralName.dNSName, peer.fqdn())).getEncoded();
        byte[] message = scep.message(PKCS_REQ, "txn-" + peer.name(), csr, keys, self);
        ScepClient.Reply reply = scep.read(scep.post(message), keys);
        assertThat(reply.status()).isEqualTo("0");
        assertThat(reply.transactionId()).isEqualTo("txn-" + peer.name());
        X509CertificateHolder issued = reply.certificates().stream().filter(c -> c.getSubject().toString().contains(peer.fqdn())).findFirst().orElseThrow();
        assertThat(issued.getExtension(IpAddressBlocks.OID).isCritical()).isTrue();

        // Same transaction again (a client that lost the answer): SUCCESS again, not "secret used".
        assertThat(scep.read(scep.post(scep.message(PKCS_REQ, "txn-" + peer.name(), csr, keys, self)), keys).status()).isEqualTo("0");

        // GetCert for the issued serial, and over GET with a base64 message.
        byte[] getCert = new IssuerAndSerialNumber(issued.getIssuer(), issued.getSerialNumber()).getEncoded();
        byte[] viaGet = given().queryParam("operation", "PKIOperation")
                .queryParam("message", Base64.getEncoder().encodeToString(scep.message(GET_CERT, "getcert-" + peer.name(), getCert, keys, self)))
                .get("/cgi-bin/pkiclient.exe").then().statusCode(200).extract().asByteArray();
        assertThat(scep.read(viaGet, keys).certificates()).extracting(X509CertificateHolder::getSerialNumber).containsExactly(issued.getSerialNumber());
    }

    @Test
    void wrongChallengeIsFailureBadRequest() throws Exception {
        ScepClient scep = new ScepClient();
        Registered peer = register("auto", List.of());
        ScepClient.Reply reply = pkcsReq(scep, peer, "not-the-secret", "wrong-" + peer.name()).reply();
        assertThat(reply.status()).isEqualTo("2");
        assertThat(reply.failInfo()).isEqualTo("2");
        assertThat(pkcsReq(scep, peer, peer.secret(), "right-" + peer.name()).reply().status()).isEqualTo("0");
    }

    @Test
    void badSignatureIsFailureBadMessageCheck() throws Exception {
        ScepClient scep = new ScepClient();
        Registered peer = register("auto", List.of());
        KeyPair keys = rsa();
        X509Certificate self = ScepClient.selfSigned(keys, "CN=" + peer.fqdn());
        byte[] csr = csr(keys, "CN=" + peer.fqdn(), peer.secret(), new GeneralName(GeneralName.dNSName, peer.fqdn())).getEncoded();
        // Signed with another key than the one in the signer certificate the message names.
        byte[] message = scep.message(PKCS_REQ, "badsig-" + peer.name(), csr, rsa(), self);
        ScepClient.Reply reply = scep.read(scep.post(message), keys);
        assertThat(reply.status()).isEqualTo("2");
        assertThat(reply.failInfo()).isEqualTo("1");
        assertThat(reply.transactionId()).isEqualTo("badsig-" + peer.name());
        // The secret was not consumed.
        assertThat(pkcsReq(scep, peer, peer.secret(), "after-" + peer.name()).reply().status()).isEqualTo("0");
    }

    @Test
    void certPollForAnUnknownTransactionIsFailureBadCertId() throws Exception {
        ScepClient scep = new ScepClient();
        KeyPair keys = rsa();
        X509Certificate self = ScepClient.selfSigned(keys, "CN=nobody.example.net");
        byte[] issuerAndSubject = new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] { scep.issuing().getSubject(),
                new X500Name("CN=nobody.example.net") }).getEncoded();
        ScepClient.Reply reply = scep.read(scep.post(scep.message(CERT_POLL, "no-such-transaction", issuerAndSubject, keys, self)), keys);
        assertThat(reply.status()).isEqualTo("2");
        assertThat(reply.failInfo()).isEqualTo("4");
    }

    @Test
    void manualApprovalIsPendingThenSuccessOnPoll() throws Exception {
        ScepClient scep = new ScepClient();
        Registered peer = register("manual", List.of());
        Enrolled first = pkcsReq(scep, peer, peer.secret(), "manual-" + peer.name());
        assertThat(first.reply().status()).isEqualTo("3");
        byte[] issuerAndSubject = new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] { scep.issuing().getSubject(),
                new X500Name("CN=" + peer.fqdn()) }).getEncoded();
        byte[] poll = scep.message(CERT_POLL, "manual-" + peer.name(), issuerAndSubject, first.keys(), first.selfSigned());
        assertThat(scep.read(scep.post(poll), first.keys()).status()).isEqualTo("3");

        String id = as("operator").queryParam("status", "pending").get("/api/v1/enrollment-requests").then().extract()
                .jsonPath().getList("findAll { it.peerName == '" + peer.name() + "' }.id", String.class).get(0);
        as("operator").post("/api/v1/enrollment-requests/" + id + "/approve").then().statusCode(200);
        ScepClient.Reply done = scep.read(scep.post(scep.message(CERT_POLL, "manual-" + peer.name(), issuerAndSubject, first.keys(),
                first.selfSigned())), first.keys());
        assertThat(done.status()).isEqualTo("0");
        assertThat(done.certificates()).isNotEmpty();

        // A poll for that transaction signed by another key learns nothing.
        KeyPair other = rsa();
        ScepClient.Reply stranger = scep.read(scep.post(scep.message(CERT_POLL, "manual-" + peer.name(), issuerAndSubject, other,
                ScepClient.selfSigned(other, "CN=" + peer.fqdn()))), other);
        assertThat(stranger.failInfo()).isEqualTo("1");
    }

    @Test
    void renewalReqSignedWithTheCurrentCertificateAndRefusedOnceRevoked() throws Exception {
        ScepClient scep = new ScepClient();
        Registered peer = register("auto", List.of("198.51.100.64/26"));
        Enrolled first = pkcsReq(scep, peer, peer.secret(), "first-" + peer.name());
        X509CertificateHolder current = first.reply().certificates().stream()
                .filter(c -> c.getSubject().toString().contains(peer.fqdn())).findFirst().orElseThrow();
        X509Certificate currentJca = new JcaX509CertificateConverter().getCertificate(current);

        KeyPair next = rsa();
        byte[] csr = csr(next, "CN=" + peer.fqdn(), null, new GeneralName(GeneralName.dNSName, peer.fqdn())).getEncoded();
        ScepClient.Reply renewed = scep.read(scep.post(scep.message(RENEWAL_REQ, "renew-" + peer.name(), csr, first.keys(), currentJca)),
                first.keys());
        assertThat(renewed.status()).isEqualTo("0");

        as("operator").body(Map.of("reason", "superseded")).post("/api/v1/certificates/" + current.getSerialNumber().toString(16) + "/revoke")
                .then().statusCode(200);
        ScepClient.Reply refused = scep.read(scep.post(scep.message(RENEWAL_REQ, "renew2-" + peer.name(), csr, first.keys(), currentJca)),
                first.keys());
        assertThat(refused.status()).isEqualTo("2");
        assertThat(refused.failInfo()).isEqualTo("2");
    }

    @Test
    void getCrlAnswersWithTheIssuingCaCrlAndGarbageIsAnsweredNotCrashed() throws Exception {
        ScepClient scep = new ScepClient();
        KeyPair keys = rsa();
        X509Certificate self = ScepClient.selfSigned(keys, "CN=crl.example.net");
        byte[] about = new IssuerAndSerialNumber(scep.issuing().getSubject(), scep.issuing().getSerialNumber()).getEncoded();
        ScepClient.Reply reply = scep.read(scep.post(scep.message(GET_CRL, "crl-1", about, keys, self)), keys);
        // SUCCESS (0): the server wires crl-ocsp's published CRL into SCEP GetCRL.
        assertThat(reply.status()).isEqualTo("0");
        given().contentType("application/x-pki-message").queryParam("operation", "PKIOperation").body(new byte[] { 1, 2, 3 })
                .post("/scep").then().statusCode(400);
        given().queryParam("operation", "Nonsense").get("/scep").then().statusCode(400);
    }
}
