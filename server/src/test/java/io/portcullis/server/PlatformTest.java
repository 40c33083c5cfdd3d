package io.portcullis.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlatformTest {

    @Test
    void readinessIsUp() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void openApiDescribesTheApi() {
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/certificates"))
                .body(containsString("/api/v1/auth/login"));
    }

    @Test
    void httpRunsOneEventLoopPerTwoCoresUnlessConfigured() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(ConfigProvider.getConfig().getValue(HttpIoThreadsDefault.PROPERTY, Integer.class)).isEqualTo(Math.max(1, cores / 2));
        assertThat(HttpIoThreadsDefault.forCores(1)).isEqualTo(1);
        assertThat(HttpIoThreadsDefault.forCores(2)).isEqualTo(1);
        assertThat(HttpIoThreadsDefault.forCores(16)).isEqualTo(8);
    }

    @Test
    void caCertificatesArePublishedAtTheCaIssuersUrls() throws Exception {
        byte[] der = given().get("/pki/issuing-ca.crt").then().statusCode(200)
                .contentType("application/pkix-cert").extract().asByteArray();
        X509Certificate issuing = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
        assertThat(issuing.getSubjectX500Principal().getName()).contains("Portcullis Issuing CA");
        assertThat(issuing.getBasicConstraints()).isEqualTo(0);
        given().get("/pki/root-ca.crt").then().statusCode(200);
        given().get("/pki/other.crt").then().statusCode(404).contentType("application/problem+json");
    }
}
