package io.portcullis.server.revocation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The hostile-input contract against {@code /ocsp} on the main HTTP port. */
@QuarkusTest
class OcspHostileInputTest extends OcspHostileInputContract {

    @Override
    int port() {
        return RestAssured.port;
    }
}
