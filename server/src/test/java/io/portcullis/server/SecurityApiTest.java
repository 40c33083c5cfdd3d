package io.portcullis.server;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.portcullis.ca.auth.TokenKey;
import io.portcullis.ca.auth.TokenService;
import jakarta.inject.Inject;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every protected endpoint refuses missing, forged and expired tokens, and the wrong role. */
@QuarkusTest
class SecurityApiTest {

    private static final String PROBLEM = "application/problem+json";

    @ParameterizedTest
    @CsvSource({ "GET,/api/v1/cas", "GET,/api/v1/certificates", "GET,/api/v1/certificates/abcd",
            "POST,/api/v1/certificates", "POST,/api/v1/certificates/abcd/revoke", "GET,/api/v1/audit",
            "GET,/api/v1/audit/verify", "GET,/api/v1/users", "POST,/api/v1/users" })
    void missingTokenIsUnauthorized(String method, String path) {
        given().contentType(ContentType.JSON).body("{}").request(method, path)
                .then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", "Bearer");
    }

    @Test
    void tokenSignedWithAnotherKeyIsUnauthorized() {
        String forged = Jwt.issuer(TokenService.ISSUER).upn("admin").groups(Set.of("admin"))
                .expiresAt(Instant.now().plusSeconds(600))
                .jws().algorithm(SignatureAlgorithm.HS256)
                .sign(new SecretKeySpec(new byte[32], "HmacSHA256"));
        given().auth().oauth2(forged).get("/api/v1/cas").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void garbageTokenIsUnauthorized() {
        given().auth().oauth2("not.a.jwt").get("/api/v1/cas").then().statusCode(401).contentType(PROBLEM);
        given().header("Authorization", "Bearer " + "A".repeat(5000)).get("/api/v1/cas").then().statusCode(401);
    }

    @Test
    void unsignedTokenIsUnauthorized() {
        String header = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        String claims = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"iss\":\"" + TokenService.ISSUER + "\",\"upn\":\"admin\",\"groups\":[\"admin\"],\"exp\":"
                        + (Instant.now().getEpochSecond() + 600) + "}").getBytes());
        given().auth().oauth2(header + "." + claims + ".").get("/api/v1/cas").then().statusCode(401);
    }

    @Inject
    TokenKey key;

    @Test
    void expiredTokenSignedWithOurKeyIsUnauthorized() {
        String expired = Jwt.issuer(TokenService.ISSUER).upn("admin").groups(Set.of("admin"))
                .issuedAt(Instant.now().minusSeconds(1200)).expiresAt(Instant.now().minusSeconds(600))
                .jws().algorithm(SignatureAlgorithm.HS256).sign(key.secretKey());
        given().auth().oauth2(expired).get("/api/v1/cas").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void tokenFromAnotherIssuerIsUnauthorized() {
        String other = Jwt.issuer("https://elsewhere.example").upn("admin").groups(Set.of("admin"))
                .expiresAt(Instant.now().plusSeconds(600))
                .jws().algorithm(SignatureAlgorithm.HS256).sign(key.secretKey());
        given().auth().oauth2(other).get("/api/v1/cas").then().statusCode(401);
    }

    @Test
    void validTokenWithUnknownRoleIsForbidden() {
        String token = Jwt.issuer(TokenService.ISSUER).upn("admin").groups(Set.of("superuser"))
                .expiresAt(Instant.now().plusSeconds(600))
                .jws().algorithm(SignatureAlgorithm.HS256).sign(key.secretKey());
        given().auth().oauth2(token).get("/api/v1/cas").then().statusCode(403);
    }

    @ParameterizedTest
    @CsvSource({ "auditor,POST,/api/v1/certificates", "auditor,POST,/api/v1/certificates/ab/revoke",
            "auditor,GET,/api/v1/users", "operator,GET,/api/v1/users", "operator,POST,/api/v1/users",
            "operator,DELETE,/api/v1/users/admin" })
    void wrongRoleIsForbidden(String role, String method, String path) {
        Api.as(role).body("{}").request(method, path)
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo("urn:portcullis:problem:forbidden"));
    }

    @Test
    void auditorCanReadEverything() {
        for (String path : new String[] { "/api/v1/cas", "/api/v1/certificates", "/api/v1/audit", "/api/v1/audit/verify" }) {
            Api.as("auditor").get(path).then().statusCode(200);
        }
    }

    @Test
    void oversizedBodyIsRefusedWith413Problem() {
        String huge = "{\"csr\":\"" + "A".repeat(400 * 1024) + "\",\"profile\":\"ike-gateway\"}";
        Api.as("operator").body(huge).post("/api/v1/certificates")
                .then().statusCode(413).contentType(PROBLEM)
                .body("type", equalTo("urn:portcullis:problem:payload-too-large"));
    }

    @Test
    void unknownPathIsAProblemToo() {
        Api.as("admin").get("/api/v1/nothing-here").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of()).put("/api/v1/auth/login").then().statusCode(405);
    }
}
