package io.portcullis.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A body field an endpoint does not know is refused and names the field; nothing is created. */
@QuarkusTest
class UnknownFieldsTest {

    @Test
    void aPeerWithAFieldTheRegistryDoesNotKnowIsRefusedNotRegisteredAsSomethingElse() {
        Map<String, Object> body = Map.of("name", "unknown-field-peer",
                "identity", Map.of("type", "fqdn", "value", "unknown-field.example.net"),
                "subnets", List.of("198.51.100.0/24"), "profile", "ike-gateway", "approval", "auto",
                "authentication", "psk");
        Api.as("operator").body(body).post("/api/v1/peers").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:portcullis:problem:unknown-field"))
                .body("detail", containsString("'authentication'"));
        Api.as("auditor").get("/api/v1/peers").then().statusCode(200)
                .body("name", not(hasItem("unknown-field-peer")));
    }

    @Test
    void aMisspelledFieldOfAnIssuanceIsNamed() {
        long before = CertificateApiTest.total();
        Api.as("operator").body(Map.of("csr", Csrs.gateway("misspelled.example.net"), "profile", "ike-gateway",
                        "validityDay", 30))
                .post("/api/v1/certificates").then().statusCode(400)
                .body("type", equalTo("urn:portcullis:problem:unknown-field"))
                .body("detail", containsString("'validityDay'"))
                .body("detail", containsString("validityDays"));
        assertThat(CertificateApiTest.total()).isEqualTo(before);
    }

    @Test
    void aLoginWithAnExtraFieldIsRefused() {
        RestAssured.given().contentType("application/json")
                .body(Map.of("username", "admin", "password", "test-admin-password", "otp", "123456"))
                .post("/api/v1/auth/login").then().statusCode(400)
                .body("detail", containsString("'otp'"));
    }
}
