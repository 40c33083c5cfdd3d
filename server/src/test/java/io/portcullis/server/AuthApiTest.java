package io.portcullis.server;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthApiTest {

    @Test
    void adminLogsInWithConfiguredPassword() {
        given().contentType(ContentType.JSON)
                .body("{\"username\":\"admin\",\"password\":\"test-admin-password\"}")
                .when().post("/api/v1/auth/login")
                .then().statusCode(200)
                .body("token", notNullValue())
                .body("role", equalTo("admin"));
    }
}
