package io.portcullis.server.enrollment;

import static io.restassured.RestAssured.given;

import io.portcullis.server.Csrs;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.StringWriter;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/** Tokens, peers and CSRs for the enrollment API tests. */
final class EnrollmentFixtures {

    static final String PROBLEM = "application/problem+json";
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private EnrollmentFixtures() {
    }

    static String token(String role) {
        return TOKENS.computeIfAbsent(role, r -> {
            if (r.equals("admin")) {
                return login("admin", "test-admin-password");
            }
            String user = "test-" + r;
            given().contentType(ContentType.JSON).auth().oauth2(token("admin"))
                    .body(Map.of("username", user, "password", "another-long-password", "role", r)).post("/api/v1/users");
            return login(user, "another-long-password");
        });
    }

    static String login(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("token");
    }

    static RequestSpecification as(String role) {
        return given().contentType(ContentType.JSON).auth().oauth2(token(role));
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    record Registered(String id, String name, String fqdn, String secret) {
    }

    static Registered register(String approval, List<String> subnets) {
        String name = unique("gw");
        String fqdn = name + ".example.net";
        Map<String, Object> body = Map.of("name", name, "identity", Map.of("type", "fqdn", "value", fqdn), "subnets", subnets,
                "profile", "ike-gateway", "approval", approval);
        var response = as("operator").body(body).post("/api/v1/peers").then().statusCode(201).extract();
        return new Registered(response.path("id"), name, fqdn, response.path("enrollmentSecret"));
    }

    static KeyPair ec() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static PKCS10CertificationRequest csr(KeyPair keys, String subject, String challenge, GeneralName... sans) {
        return Csrs.request(keys, subject, challenge, sans);
    }


    static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    static String gatewayCsr(KeyPair keys, String fqdn) {
        return pem(csr(keys, "CN=" + fqdn, null, new GeneralName(GeneralName.dNSName, fqdn)));
    }

    static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }
}
