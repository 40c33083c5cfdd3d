package io.portcullis.server;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthApiTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void adminLogsInWithConfiguredPassword() {
        given().contentType(ContentType.JSON)
                .body(Map.of("username", "admin", "password", Api.ADMIN_PASSWORD))
                .when().post("/api/v1/auth/login")
                .then().statusCode(200)
                .body("token", notNullValue())
                .body("tokenType", equalTo("Bearer"))
                .body("role", equalTo("admin"));
    }

    @Test
    void wrongPasswordIsRefusedAndAudited() {
        given().contentType(ContentType.JSON)
                .body(Map.of("username", "admin", "password", "not-the-password"))
                .when().post("/api/v1/auth/login")
                .then().statusCode(401).contentType(PROBLEM)
                .body("type", equalTo("urn:portcullis:problem:invalid-credentials"));
        Api.as("auditor").queryParam("action", "auth.login").queryParam("q", "wrong password")
                .get("/api/v1/audit")
                .then().statusCode(200).body("total", greaterThan(0));
    }

    @Test
    void unknownUserIsRefusedLikeAWrongPassword() {
        given().contentType(ContentType.JSON)
                .body(Map.of("username", "nobody", "password", "whatever-password"))
                .post("/api/v1/auth/login")
                .then().statusCode(401).body("type", equalTo("urn:portcullis:problem:invalid-credentials"));
    }

    @Test
    void missingOrMalformedBodyIsABadRequest() {
        given().contentType(ContentType.JSON).post("/api/v1/auth/login")
                .then().statusCode(400).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body("{\"username\": ").post("/api/v1/auth/login")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:portcullis:problem:malformed-json"));
        given().contentType(ContentType.JSON).body(Map.of("username", "admin")).post("/api/v1/auth/login")
                .then().statusCode(400).body("type", equalTo("urn:portcullis:problem:missing-credentials"));
        given().contentType(ContentType.JSON).body(Map.of("username", "a".repeat(65), "password", "x"))
                .post("/api/v1/auth/login")
                .then().statusCode(400).body("type", equalTo("urn:portcullis:problem:credentials-too-long"));
    }

    @Test
    void repeatedFailuresLockTheAccount() {
        Api.as("admin").body(Map.of("username", "lockme", "password", Api.OTHER_PASSWORD, "role", "operator"))
                .post("/api/v1/users").then().statusCode(201);
        for (int i = 0; i < 5; i++) {
            given().contentType(ContentType.JSON).body(Map.of("username", "lockme", "password", "wrong-" + i))
                    .post("/api/v1/auth/login").then().statusCode(401);
        }
        // Even the right password is refused while the lock lasts.
        given().contentType(ContentType.JSON).body(Map.of("username", "lockme", "password", Api.OTHER_PASSWORD))
                .post("/api/v1/auth/login")
                .then().statusCode(429).contentType(PROBLEM).body("type", equalTo("urn:portcullis:problem:account-locked"));
        Api.as("admin").get("/api/v1/users").then().statusCode(200)
                .body("find { it.username == 'lockme' }.locked", equalTo(true));
    }

    @Test
    void accountsNeedStrongPasswordsAndValidNames() {
        Api.as("admin").body(Map.of("username", "shorty", "password", "short", "role", "operator"))
                .post("/api/v1/users").then().statusCode(400).body("type", equalTo("urn:portcullis:problem:weak-password"));
        Api.as("admin").body(Map.of("username", "Robert'); DROP TABLE", "password", Api.OTHER_PASSWORD, "role", "operator"))
                .post("/api/v1/users").then().statusCode(400).body("type", equalTo("urn:portcullis:problem:invalid-username"));
        Api.as("admin").body(Map.of("username", "rolebad", "password", Api.OTHER_PASSWORD, "role", "root"))
                .post("/api/v1/users").then().statusCode(400).body("detail", containsString("admin, operator, auditor"));
    }

    @Test
    void accountChangesAreAudited() {
        Api.as("admin").body(Map.of("username", "temp-op", "password", Api.OTHER_PASSWORD, "role", "operator"))
                .post("/api/v1/users").then().statusCode(201);
        Api.as("admin").delete("/api/v1/users/temp-op").then().statusCode(204);
        Api.as("auditor").queryParam("q", "temp-op").get("/api/v1/audit")
                .then().statusCode(200)
                .body("items.action", org.hamcrest.Matchers.hasItems("account.created", "account.deleted"));
    }
}
