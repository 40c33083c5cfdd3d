package io.portcullis.server;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditApiTest {

    @Inject
    EntityManager em;

    @Test
    void issuanceAndBootstrapAreAudited() {
        String serial = CertificateApiTest.issueGateway("audited.example.net");
        Api.as("auditor").queryParam("action", "certificate.issued").queryParam("q", serial).get("/api/v1/audit")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].actor", equalTo("test-operator"));
        Api.as("auditor").queryParam("action", "ca.created").get("/api/v1/audit")
                .then().statusCode(200).body("items.target", hasItem("issuing"));
    }

    @Test
    void refusedIssuanceIsAuditedToo() {
        CertificateApiTest.issue("garbage", "ike-gateway").then().statusCode(400);
        Api.as("auditor").queryParam("action", "certificate.issue-refused").get("/api/v1/audit")
                .then().statusCode(200).body("total", greaterThan(0));
    }

    /** Runs last in this class by name order is not guaranteed, so it repairs what it breaks. */
    @Test
    void tamperingWithARowIsNamedByVerify() {
        CertificateApiTest.issueGateway("tamper.example.net");
        Api.as("auditor").get("/api/v1/audit/verify")
                .then().statusCode(200).body("valid", equalTo(true)).body("firstBrokenSeq", nullValue());
        long victim = QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select min(seq) from audit_entry where action = 'certificate.issued'")
                        .getSingleResult()).longValue());
        String original = QuarkusTransaction.requiringNew().call(() ->
                (String) em.createNativeQuery("select details from audit_entry where seq = " + victim).getSingleResult());
        try {
            QuarkusTransaction.requiringNew().run(() ->
                    em.createNativeQuery("update audit_entry set details = 'nothing to see' where seq = " + victim).executeUpdate());
            Api.as("auditor").get("/api/v1/audit/verify")
                    .then().statusCode(200)
                    .body("valid", equalTo(false))
                    .body("firstBrokenSeq", equalTo((int) victim));
        } finally {
            QuarkusTransaction.requiringNew().run(() ->
                    em.createNativeQuery("update audit_entry set details = ?1 where seq = ?2")
                            .setParameter(1, original).setParameter(2, victim).executeUpdate());
        }
        Api.as("auditor").get("/api/v1/audit/verify").then().body("valid", equalTo(true));
    }

    @Test
    void concurrentIssuancesAllLandOnAnIntactChain() throws Exception {
        int before = Api.as("auditor").queryParam("action", "certificate.issued").queryParam("size", 1)
                .get("/api/v1/audit").then().statusCode(200).extract().path("total");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.List<java.util.concurrent.Future<String>> serials = new java.util.ArrayList<>();
        for (int i = 0; i < 24; i++) {
            int n = i;
            serials.add(pool.submit(() -> CertificateApiTest.issueGateway("parallel-" + n + ".example.net")));
        }
        for (java.util.concurrent.Future<String> serial : serials) {
            org.assertj.core.api.Assertions.assertThat(serial.get()).isNotBlank();
        }
        pool.shutdown();
        Api.as("auditor").queryParam("action", "certificate.issued").queryParam("size", 1).get("/api/v1/audit")
                .then().statusCode(200).body("total", equalTo(before + 24));
        Api.as("auditor").get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void auditPagingRejectsBadValues() {
        Api.as("auditor").queryParam("page", -1).get("/api/v1/audit")
                .then().statusCode(400).body("type", equalTo("urn:portcullis:problem:invalid-page"));
    }
}
