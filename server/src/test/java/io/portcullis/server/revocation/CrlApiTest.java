package io.portcullis.server.revocation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.math.BigInteger;
import java.time.Duration;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CrlApiTest {

    private static final Duration REISSUE_WAIT = Duration.ofSeconds(20);

    static X509CRLHolder download(String path) {
        try {
            return new X509CRLHolder(given().get(path).then().statusCode(200).contentType("application/pkix-crl")
                    .extract().asByteArray());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static long number(X509CRLHolder crl) {
        return CRLNumber.getInstance(crl.getExtension(Extension.cRLNumber).getParsedValue()).getCRLNumber().longValueExact();
    }

    @Test
    void fullCrlIsSignedByTheIssuingCaWithNumberAkiIdpAndFreshest() throws Exception {
        X509CertificateHolder issuing = RevocationApi.issuingCa();
        X509CRLHolder crl = download("/pki/issuing-ca.crl");

        assertThat(crl.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuing))).isTrue();
        assertThat(crl.getIssuer()).isEqualTo(issuing.getSubject());
        assertThat(number(crl)).isPositive();
        assertThat(AuthorityKeyIdentifier.getInstance(crl.getExtension(Extension.authorityKeyIdentifier).getParsedValue())
                .getKeyIdentifier()).isEqualTo(SubjectKeyIdentifier.fromExtensions(issuing.getExtensions()).getKeyIdentifier());
        Extension idp = crl.getExtension(Extension.issuingDistributionPoint);
        assertThat(idp.isCritical()).isTrue();
        assertThat(IssuingDistributionPoint.getInstance(idp.getParsedValue()).getDistributionPoint().toString())
                .contains("/pki/issuing-ca.crl").contains("/pki/issuing-ca-delta.crl");
        assertThat(CRLDistPoint.getInstance(crl.getExtension(Extension.freshestCRL).getParsedValue()).toString())
                .contains("/pki/issuing-ca-delta.crl");
        assertThat(Duration.between(crl.getThisUpdate().toInstant(), crl.getNextUpdate().toInstant())).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void httpHeadersFollowNextUpdateAndSupportConditionalGet() {
        Response response = given().get("/pki/issuing-ca.crl");
        response.then().statusCode(200)
                .header("Cache-Control", matchesPattern("public, max-age=\\d+, no-transform"))
                .header("ETag", matchesPattern("\"issuing-full-\\d+\""))
                .header("Last-Modified", org.hamcrest.Matchers.notNullValue())
                .header("Expires", org.hamcrest.Matchers.notNullValue());
        long maxAge = Long.parseLong(response.header("Cache-Control").replaceAll(".*max-age=(\\d+).*", "$1"));
        assertThat(maxAge).isBetween(1L, Duration.ofHours(24).getSeconds());
        given().header("If-None-Match", response.header("ETag")).get("/pki/issuing-ca.crl").then().statusCode(304);
    }

    @Test
    void pemOnRequest() {
        given().accept("application/x-pem-file").get("/pki/issuing-ca.crl").then().statusCode(200)
                .contentType("application/x-pem-file").body(startsWith("-----BEGIN X509 CRL-----\n"));
    }

    @Test
    void revokedCertificateAppearsWithReasonAndTheNumberGrows() throws Exception {
        long before = number(download("/pki/issuing-ca.crl"));
        RevocationApi.Issued issued = RevocationApi.issueGateway("crl-revoked.example.net");
        RevocationApi.revoke(issued.serial(), "keyCompromise");

        X509CRLHolder crl = RevocationApi.await(() -> download("/pki/issuing-ca.crl"),
                c -> c.getRevokedCertificate(issued.serial()) != null, REISSUE_WAIT);
        assertThat(number(crl)).isGreaterThan(before);
        X509CRLEntryHolder entry = crl.getRevokedCertificate(issued.serial());
        assertThat(org.bouncycastle.asn1.x509.CRLReason.getInstance(entry.getExtensions().getExtension(Extension.reasonCode)
                .getParsedValue()).getValue().intValue()).isEqualTo(1);
    }

    @Test
    void deltaCrlNamesItsBaseAndListsAReleaseAsRemoveFromCrl() throws Exception {
        RevocationApi.Issued held = RevocationApi.issueGateway("crl-held.example.net");
        RevocationApi.revoke(held.serial(), "certificateHold");
        RevocationApi.await(() -> download("/pki/issuing-ca.crl"), c -> c.getRevokedCertificate(held.serial()) != null, REISSUE_WAIT);
        RevocationApi.release(held.serial());

        X509CRLHolder delta = RevocationApi.await(() -> download("/pki/issuing-ca-delta.crl"), d -> {
            X509CRLEntryHolder e = d.getRevokedCertificate(held.serial());
            return e != null && e.getExtensions() != null && org.bouncycastle.asn1.x509.CRLReason.getInstance(
                    e.getExtensions().getExtension(Extension.reasonCode).getParsedValue()).getValue().intValue() == 8;
        }, REISSUE_WAIT);
        Extension indicator = delta.getExtension(Extension.deltaCRLIndicator);
        assertThat(indicator.isCritical()).isTrue();
        long base = ASN1Integer.getInstance(indicator.getParsedValue()).longValueExact();
        X509CRLHolder full = download("/pki/issuing-ca.crl");
        assertThat(base).isLessThanOrEqualTo(number(full));
        assertThat(number(delta)).isGreaterThan(base);
        assertThat(delta.getExtension(Extension.freshestCRL)).isNull();
        assertThat(delta.getExtension(Extension.issuingDistributionPoint).getExtnValue())
                .isEqualTo(full.getExtension(Extension.issuingDistributionPoint).getExtnValue());
        // Released: gone from the full CRL once it is re-issued.
        RevocationApi.await(() -> download("/pki/issuing-ca.crl"), c -> c.getRevokedCertificate(held.serial()) == null, REISSUE_WAIT);
    }

    @Test
    void rootCrlIsSignedByTheRoot() throws Exception {
        X509CRLHolder crl = download("/pki/root-ca.crl");
        assertThat(crl.isSignatureValid(new JcaContentVerifierProviderBuilder().build(RevocationApi.rootCa()))).isTrue();
        assertThat(download("/pki/root-ca-delta.crl").getExtension(Extension.deltaCRLIndicator)).isNotNull();
    }

    @Test
    void caCertificatesAreStillServedNextToTheCrls() {
        given().get("/pki/issuing-ca.crt").then().statusCode(200).contentType("application/pkix-cert");
    }

    @Test
    void unknownCrlNamesAreNotFound() {
        given().get("/pki/other-ca.crl").then().statusCode(404);
        given().get("/pki/issuing-ca.crl.bak").then().statusCode(404);
        given().get("/pki/..%2Fissuing-ca.crl").then().statusCode(404);
    }

    @Test
    void crlNumbersNeverRepeatOrGoBackwards() throws Exception {
        long previous = number(download("/pki/issuing-ca.crl"));
        for (int i = 0; i < 3; i++) {
            RevocationApi.Issued issued = RevocationApi.issueGateway("crl-seq-" + i + ".example.net");
            RevocationApi.revoke(issued.serial(), "superseded");
            X509CRLHolder crl = RevocationApi.await(() -> download("/pki/issuing-ca.crl"),
                    c -> c.getRevokedCertificate(issued.serial()) != null, REISSUE_WAIT);
            long delta = number(download("/pki/issuing-ca-delta.crl"));
            assertThat(number(crl)).isGreaterThan(previous);
            assertThat(delta).isNotEqualTo(number(crl));
            previous = Math.max(number(crl), delta);
        }
        given().get("/pki/issuing-ca.crl").then().header("ETag", equalTo("\"issuing-full-" + number(download("/pki/issuing-ca.crl")) + "\""));
    }
}
