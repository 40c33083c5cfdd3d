package io.portcullis.server.enrollment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing findings of issue 20 (EnrollmentBodiesFuzzTest), over HTTP: a body whose first octets make
 * Jackson detect UTF-32 / UCS-4 fails with an IOException that is no JsonProcessingException. It is
 * malformed JSON all the same, answered 400 problem+json, not 500.
 */
@QuarkusTest
class JsonBodyEncodingTest {

    private static final Path FINDINGS = Path.of("../enrollment/src/test/resources/io/portcullis/enrollment/api/EnrollmentBodiesFuzzTestInputs");

    @Test
    void enrollmentBodyDetectedAsUtf32IsMalformedJson() throws Exception {
        post("/enroll/v1/csr", Files.readAllBytes(FINDINGS.resolve("enroll/finding-utf32-detected-body")));
    }

    @Test
    void renewalBodyWithUnsupportedUcs4EndiannessIsMalformedJson() throws Exception {
        post("/enroll/v1/renew", Files.readAllBytes(FINDINGS.resolve("renew/finding-ucs4-unsupported-endianness")));
    }

    private static void post(String path, byte[] body) {
        given().contentType("application/json").body(body).post(path).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("malformed-json"));
    }
}
