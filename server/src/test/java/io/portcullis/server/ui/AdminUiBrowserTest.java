package io.portcullis.server.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The admin UI in a real headless Chromium against the whole application (this @QuarkusTest runs
 * the server module with every service wired): an operator's day — register a gateway, read its
 * one-time secret, let the gateway enroll over the REST API, find the certificate, revoke it, see
 * the audit entry — and what an auditor may not do. Screenshots land in target/screenshots.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminUiBrowserTest {

    private static final String GATEWAY = "browser-gw1";
    private static final String FQDN = "browser-gw1.example.net";

    @TestHTTPResource("/")
    URL base;

    private Browser browser;
    private String secret;
    private String serial;

    @BeforeAll
    void startBrowser() throws Exception {
        String root = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1) : base.toString();
        browser = new Browser(root);
    }

    @AfterAll
    void stopBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void rootRedirectsToTheLoginPageAndAdminLogsIn() throws Exception {
        browser.open("/");
        browser.find("#login-form");
        browser.screenshot("login");
        browser.type("#username", "admin");
        browser.type("#password", "wrong-password-here");
        browser.click("#login");
        assertThat(browser.find("#error").getText()).contains("Username or password is wrong");
        browser.login("admin", UiClient.ADMIN_PASSWORD);
        assertThat(browser.find("#my-role").getText()).isEqualTo("admin");
        browser.find("#count-valid");
        browser.screenshot("dashboard");
    }

    @Test
    @Order(2)
    void aBadSubnetIsShownNextToTheRegistrationForm() throws Exception {
        browser.open("/ui/gateways");
        browser.type("#gw-name", GATEWAY);
        browser.type("#gw-identity", FQDN);
        browser.type("#gw-subnets", "198.51.100.0/33");
        browser.click("#register");
        assertThat(browser.find("#error").getText()).contains("198.51.100.0/33");
        // The form keeps what was typed, so only the mistake needs fixing.
        assertThat(browser.find("#gw-name").getAttribute("value")).isEqualTo(GATEWAY);
        browser.screenshot("gateway-form-error");
    }

    @Test
    @Order(3)
    void registeringAGatewayShowsItsSecretOnceWithInstructions() throws Exception {
        browser.type("#gw-subnets", "198.51.100.0/24");
        browser.click("#register");
        secret = browser.find("#secret").getText().strip();
        assertThat(secret).hasSizeGreaterThan(30);
        assertThat(browser.find("#rest-instructions").getText()).contains("SECRET='" + secret + "'", "/enroll/v1/csr", "subjectAltName=DNS:" + FQDN);
        assertThat(browser.find("#strongswan-instructions").getText()).contains("pki --scep", "--password '" + secret + "'");
        assertThat(browser.find("#cisco-instructions").getText()).contains("crypto pki trustpoint", "enrollment url");
        browser.screenshot("gateway-secret");
        browser.open("/ui/gateways");
        WebElement row = browser.find("tr[data-name='" + GATEWAY + "']");
        assertThat(row.getText()).contains(FQDN, "registered");
        assertThat(browser.driver.getPageSource()).doesNotContain(secret);
        browser.screenshot("gateways");
    }

    @Test
    @Order(4)
    void theGatewayEnrollsOverRestAndItsCertificateAppears() throws Exception {
        serial = given().contentType(ContentType.JSON)
                .body(Map.of("peer", GATEWAY, "secret", secret, "csr", GatewayCsr.forFqdn(FQDN)))
                .post("/enroll/v1/csr")
                .then().statusCode(201).extract().path("serial");
        assertThat(serial).isNotBlank();
        browser.open("/ui/certificates");
        browser.type("#q", FQDN);
        browser.click("#search");
        browser.waitForText("#certificates", serial);
        WebElement row = browser.find("tr[data-serial='" + serial + "']");
        assertThat(row.findElement(By.cssSelector(".status")).getText()).isEqualTo("valid");
        browser.screenshot("certificates");
    }

    @Test
    @Order(5)
    void revokingNeedsConfirmationThenChangesTheStatus() throws Exception {
        browser.open("/ui/certificates/" + serial);
        assertThat(browser.find("#cert-sans").getText()).contains("dns:" + FQDN);
        assertThat(browser.find("#cert-eku").getText()).isNotBlank();
        assertThat(browser.find("#cert-fingerprint").getText()).matches("[0-9a-f:]{64,}");
        browser.screenshot("certificate");
        browser.select("#revoke-reason", "keyCompromise");
        browser.click("#revoke");
        assertThat(browser.find("#error").getText()).contains("confirmation");
        assertThat(browser.find("#cert-status").getText()).isEqualTo("valid");
        browser.select("#revoke-reason", "keyCompromise");
        browser.click("#revoke-confirm");
        browser.click("#revoke");
        browser.waitForText("#cert-status", "revoked");
        assertThat(browser.find("#cert-reason").getText()).isEqualTo("keyCompromise");
        browser.open("/ui/certificates?status=revoked&q=" + FQDN);
        assertThat(browser.find("tr[data-serial='" + serial + "'] .status").getText()).isEqualTo("revoked");
    }

    @Test
    @Order(6)
    void theRevocationIsInTheAuditLogAndTheChainVerifies() throws Exception {
        browser.open("/ui/audit?action=certificate.revoked");
        WebElement entry = browser.find("#audit tr[data-action='certificate.revoked']");
        assertThat(entry.getText()).contains(serial, "admin", "keyCompromise");
        assertThat(browser.find("#chain-ok").getText()).contains("verified");
        browser.screenshot("audit");
    }

    @Test
    @Order(7)
    void theOtherPagesRender() throws Exception {
        browser.open("/ui/revocation");
        assertThat(browser.find("#ocsp-expiry").getText()).contains("UTC");
        browser.screenshot("revocation");
        browser.open("/ui/tunnels");
        browser.find("#tunnels");
        browser.screenshot("tunnels");
        browser.open("/ui/requests");
        browser.find("#requests");
        browser.screenshot("requests");
        browser.open("/ui/accounts");
        browser.find("#account-form");
        browser.screenshot("accounts");
        browser.logout();
    }

    @Test
    @Order(8)
    void anAuditorSeesEverythingButNoMutatingButton() throws Exception {
        UiClient.ensureAccount("ui-auditor", "auditor");
        browser.login("ui-auditor", UiClient.OTHER_PASSWORD);
        assertThat(browser.find("#my-role").getText()).isEqualTo("auditor");
        for (String page : List.of("/ui/", "/ui/gateways", "/ui/gateways?deleted=true", "/ui/requests?status=all",
                "/ui/certificates", "/ui/certificates/" + serial, "/ui/revocation", "/ui/tunnels", "/ui/audit")) {
            browser.open(page);
            browser.find("#me");
            List<String> postForms = browser.all("form").stream()
                    .filter(f -> "post".equalsIgnoreCase(f.getAttribute("method")))
                    .map(f -> f.getAttribute("action")).toList();
            assertThat(postForms).as("state-changing forms an auditor sees on " + page).allMatch(a -> a.endsWith("/ui/logout"));
        }
        browser.open("/ui/gateways");
        assertThat(browser.driver.getPageSource()).contains(GATEWAY).doesNotContain("register-form");
        browser.screenshot("auditor-gateways");
        assertThat(browser.all("nav a[href='/ui/accounts']")).isEmpty();
    }

    @Test
    @Order(9)
    void forgedPostsAreRefusedServerSide() {
        // The auditor's own browser session and its valid CSRF token: the role still forbids the change.
        String session = browser.driver.manage().getCookieNamed("portcullis_session").getValue();
        String csrf = browser.driver.findElement(By.cssSelector("meta[name='csrf-token']")).getAttribute("content");
        given().redirects().follow(false).cookie("portcullis_session", session).contentType(ContentType.URLENC)
                .formParams(Map.of("_csrf", csrf, "reason", "keyCompromise", "confirm", "yes"))
                .post("/ui/certificates/" + serial + "/release")
                .then().statusCode(403);
        given().redirects().follow(false).cookie("portcullis_session", session).contentType(ContentType.URLENC)
                .formParams(Map.of("_csrf", csrf, "name", "forged-gw", "identityType", "fqdn", "identityValue", "forged.example.net"))
                .post("/ui/gateways")
                .then().statusCode(403);
        UiClient admin = UiClient.as("admin");
        // An admin's session without the token, and with someone else's token.
        admin.request().contentType(ContentType.URLENC)
                .formParams(Map.of("name", "forged-gw", "identityType", "fqdn", "identityValue", "forged.example.net"))
                .post("/ui/gateways").then().statusCode(403);
        admin.request().contentType(ContentType.URLENC)
                .formParams(Map.of("_csrf", csrf, "name", "forged-gw", "identityType", "fqdn", "identityValue", "forged.example.net"))
                .post("/ui/gateways").then().statusCode(403);
        // Nothing was registered by any of them.
        admin.request().get("/ui/gateways").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("forged-gw")));
        browser.logout();
    }
}
