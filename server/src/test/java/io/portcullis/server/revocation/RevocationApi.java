package io.portcullis.server.revocation;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** Issues and revokes through the admin API, as an operator would, for the CRL and OCSP tests. */
final class RevocationApi {

    private static volatile String adminToken;

    private RevocationApi() {
    }

    static String token() {
        if (adminToken == null) {
            adminToken = given().contentType(ContentType.JSON)
                    .body(Map.of("username", "admin", "password", "test-admin-password"))
                    .post("/api/v1/auth/login").then().statusCode(200).extract().path("token");
        }
        return adminToken;
    }

    record Issued(BigInteger serial, X509CertificateHolder certificate) {
    }

    static Issued issueGateway(String dns) {
        Map<String, Object> response = given().contentType(ContentType.JSON).auth().oauth2(token())
                .body(Map.of("csr", csr(dns), "profile", "ike-gateway"))
                .post("/api/v1/certificates").then().statusCode(201).extract().as(Map.class);
        return new Issued(new BigInteger((String) response.get("serial"), 16),
                io.portcullis.ca.keys.PemCodec.parseCertificates((String) response.get("certificate")).get(0));
    }

    static void revoke(BigInteger serial, String reason) {
        given().contentType(ContentType.JSON).auth().oauth2(token()).body(Map.of("reason", reason))
                .post("/api/v1/certificates/" + serial.toString(16) + "/revoke").then().statusCode(200);
    }

    static void release(BigInteger serial) {
        given().contentType(ContentType.JSON).auth().oauth2(token())
                .post("/api/v1/certificates/" + serial.toString(16) + "/release").then().statusCode(200);
    }

    static X509CertificateHolder issuingCa() throws Exception {
        return new X509CertificateHolder(given().get("/pki/issuing-ca.crt").then().statusCode(200).extract().asByteArray());
    }

    static X509CertificateHolder rootCa() throws Exception {
        return new X509CertificateHolder(given().get("/pki/root-ca.crt").then().statusCode(200).extract().asByteArray());
    }

    /** Polls until {@code condition} holds: CRLs are re-issued shortly after a revocation, not inside it. */
    static <T> T await(Supplier<T> value, java.util.function.Predicate<T> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = value.get();
        while (!condition.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout + "; last value: " + last);
            }
            Thread.sleep(100);
            last = value.get();
        }
        return last;
    }

    private static String csr(String dns) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            ExtensionsGenerator ext = new ExtensionsGenerator();
            ext.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.dNSName, dns)));
            var request = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + dns), keys.getPublic())
                    .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
            StringWriter out = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
                writer.writeObject(request);
            }
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
