package io.portcullis.server;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Logs in once per role and hands out authenticated request specifications. */
final class Api {

    static final String ADMIN_PASSWORD = "test-admin-password";
    static final String OTHER_PASSWORD = "another-long-password";
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Api() {
    }

    static String token(String role) {
        return TOKENS.computeIfAbsent(role, r -> {
            if (r.equals("admin")) {
                return login("admin", ADMIN_PASSWORD);
            }
            String user = "test-" + r;
            int status = as("admin").body(Map.of("username", user, "password", OTHER_PASSWORD, "role", r))
                    .post("/api/v1/users").statusCode();
            if (status != 201 && status != 409) {
                throw new IllegalStateException("cannot create " + user + ": HTTP " + status);
            }
            return login(user, OTHER_PASSWORD);
        });
    }

    static String login(String username, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/login")
                .then().statusCode(200)
                .extract().path("token");
    }

    static RequestSpecification as(String role) {
        return given().contentType(ContentType.JSON).auth().oauth2(token(role));
    }
}
