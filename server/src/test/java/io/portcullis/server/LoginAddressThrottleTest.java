package io.portcullis.server;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Password spraying: one address trying several accounts is refused before any password check. */
@QuarkusTest
@TestProfile(LoginAddressThrottleTest.ThreeFailuresPerAddress.class)
class LoginAddressThrottleTest {

    public static class ThreeFailuresPerAddress implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portcullis.auth.max-failed-logins-per-address", "3", "portcullis.auth.address-window", "PT10M");
        }
    }

    @Test
    void anAddressSprayingAccountsIsThrottledEvenForTheRightPassword() {
        // Issued before the spraying: tokens already handed out stay valid.
        String adminToken = login("admin", Api.ADMIN_PASSWORD).then().statusCode(200).extract().path("token");
        for (String user : new String[] {"alice", "bob", "carol"}) {
            login(user, "guess-1234567").then().statusCode(401).body("type", equalTo("urn:portcullis:problem:invalid-credentials"));
        }
        // No single account reached its lockout, yet the address has used up its attempts.
        login("admin", Api.ADMIN_PASSWORD).then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("urn:portcullis:problem:address-throttled"));
        given().auth().oauth2(adminToken).queryParam("action", "auth.login")
                .queryParam("q", "refused before the password check").get("/api/v1/audit")
                .then().statusCode(200).body("total", greaterThan(0));
    }

    private static Response login(String user, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", user, "password", password)).post("/api/v1/auth/login");
    }
}
