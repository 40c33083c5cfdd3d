package io.portcullis.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.portcullis.ca.certificate.Serials;
import io.portcullis.ike.exchange.auth.GatewayCredentials;
import io.portcullis.ike.runtime.GatewayIdentity;
import io.portcullis.ike.runtime.IkeGateway;
import io.portcullis.server.ike.GatewayCredentialStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The IKE gateway inside the server: its own certificate from the CA, the SA admin API, and its startup on free ports. */
@QuarkusTest
@TestProfile(IkeApiTest.IkeOnEphemeralPorts.class)
class IkeApiTest {

    /** IKE on, on loopback and free ports (no root needed), revocation off (no OCSP responder here). */
    public static class IkeOnEphemeralPorts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portcullis.ike.enabled", "true", "portcullis.ike.address", "127.0.0.1", "portcullis.ike.port", "0",
                    "portcullis.ike.natt-port", "0", "portcullis.ike.id", "fqdn:gw.test",
                    "portcullis.ike.subnets", "198.51.100.0/24", "portcullis.ike.revocation", "off");
        }
    }

    @Inject
    IkeGateway gateway;

    @Inject
    GatewayCredentialStore credentials;

    @Test
    void gatewayStartsOnFreePortsWithACertificateFromTheCa() {
        assertThat(gateway.running()).isTrue();
        assertThat(gateway.ports()).hasValueSatisfying(ports -> assertThat(ports).doesNotContain(500, 4500, 0));
        GatewayCredentials own = credentials.ensure(GatewayIdentity.parse("fqdn:gw.test"), Optional.empty());
        X509Certificate certificate = own.certificate();
        assertThat(certificate.getPublicKey()).isInstanceOf(RSAPublicKey.class);
        assertThat(((RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=gw.test");
        assertThat(own.chain()).hasSize(3);
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(own.chain().get(1).getSubjectX500Principal());
        // Issued through the pipeline: stored and visible like any certificate, profile ike-gateway.
        Api.as("auditor").get("/api/v1/certificates/" + Serials.toHex(certificate.getSerialNumber()))
                .then().statusCode(200).body("profile", equalTo("ike-gateway"));
    }

    @Test
    void storedCredentialIsReusedUntilTheIdChangesOrTheCaRevokesIt() {
        GatewayIdentity id = GatewayIdentity.parse("fqdn:gw.test");
        X509Certificate first = credentials.ensure(id, Optional.empty()).certificate();
        assertThat(credentials.ensure(id, Optional.empty()).certificate()).isEqualTo(first);

        X509Certificate renamed = credentials.ensure(GatewayIdentity.parse("ipv4:192.0.2.1"), Optional.empty()).certificate();
        assertThat(renamed.getSerialNumber()).isNotEqualTo(first.getSerialNumber());
        X509Certificate back = credentials.ensure(id, Optional.empty()).certificate();
        assertThat(back.getSerialNumber()).isNotEqualTo(renamed.getSerialNumber());

        Api.as("operator").body(Map.of("reason", "keyCompromise"))
                .post("/api/v1/certificates/" + Serials.toHex(back.getSerialNumber()) + "/revoke").then().statusCode(200);
        assertThat(credentials.ensure(id, Optional.empty()).certificate().getSerialNumber())
                .isNotEqualTo(back.getSerialNumber());
    }

    @Test
    void everyRoleListsSasButOnlyOperatorsAndAdminsDeleteThem() {
        for (String role : List.of("auditor", "operator", "admin")) {
            Api.as(role).get("/api/v1/ike/sas").then().statusCode(200).body("size()", equalTo(0));
        }
        given().get("/api/v1/ike/sas").then().statusCode(401);
        Api.as("auditor").delete("/api/v1/ike/sas/00112233445566778899aabbccddeeff").then().statusCode(403);
    }

    @Test
    void deletingAMalformedOrUnknownSaIsAProblem() {
        Api.as("operator").delete("/api/v1/ike/sas/not-an-id").then().statusCode(400)
                .body("type", equalTo("urn:portcullis:problem:malformed-ike-sa-id"));
        Api.as("operator").delete("/api/v1/ike/sas/00112233445566778899aabbccddeeff").then().statusCode(404)
                .body("type", equalTo("urn:portcullis:problem:ike-sa-not-found"));
    }
}
