package io.portcullis.server.ike;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.portcullis.ike.exchange.auth.RevocationStatus;
import io.portcullis.ike.revocation.RevocationDecision;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each revocation decision of the gateway lands in the audit hash chain, from any thread. */
@QuarkusTest
class RevocationDecisionAuditTest {

    @Inject
    RevocationDecisionAudit audit;

    @Test
    void revokedAndGoodDecisionsAreAuditedWithSourceAndReason() throws Exception {
        // Serials of this run only: the PostgreSQL run keeps the audit chain of earlier runs.
        BigInteger revoked = new BigInteger(64, new java.security.SecureRandom()).setBit(63);
        BigInteger good = revoked.add(BigInteger.ONE);
        // The gateway calls from its own receive thread, outside any request or transaction.
        Thread receiver = new Thread(() -> {
            audit.accept(new RevocationDecision(revoked, "CN=peer1", "CN=Portcullis Issuing CA", RevocationStatus.REVOKED,
                    "ocsp", "revoked (keyCompromise) at 2026-11-26T00:00:00Z", Instant.now()));
            audit.accept(new RevocationDecision(good, "CN=peer2", "CN=Portcullis Issuing CA", RevocationStatus.GOOD,
                    "ocsp-cache", "good until 2026-11-27T00:00:00Z", Instant.now()));
        });
        receiver.start();
        receiver.join();

        String token = given().contentType(ContentType.JSON).body(Map.of("username", "admin", "password", "test-admin-password"))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("token");
        given().auth().oauth2(token).queryParam("action", RevocationDecisionAudit.ACTION).queryParam("q", revoked.toString(16))
                .get("/api/v1/audit").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].outcome", equalTo("FAILURE"))
                .body("items[0].details", containsString("source ocsp"))
                .body("items[0].details", containsString("keyCompromise"));
        given().auth().oauth2(token).queryParam("action", RevocationDecisionAudit.ACTION).queryParam("q", good.toString(16))
                .get("/api/v1/audit").then().statusCode(200)
                .body("items[0].outcome", equalTo("SUCCESS"));
        given().auth().oauth2(token).get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }
}
