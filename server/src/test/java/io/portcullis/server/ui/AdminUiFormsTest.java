package io.portcullis.server.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hostile and malformed input to the admin UI's forms and pages, over plain HTTP. */
@QuarkusTest
class AdminUiFormsTest {

    private static Map<String, String> gateway(String name, String type, String value, String subnets) {
        return Map.of("name", name, "identityType", type, "identityValue", value, "subnets", subnets, "profile", "ike-gateway",
                "approval", "auto");
    }

    @Test
    void pagesWithoutASessionRedirectToTheLogin() {
        given().redirects().follow(false).get("/ui/certificates").then().statusCode(303)
                .header("Location", containsString("/ui/login"));
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", containsString("/ui/"));
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteStrictAndNotSecureOverPlainHttp() {
        Response response = UiClient.loginAttempt("admin", UiClient.ADMIN_PASSWORD);
        assertThat(response.statusCode()).isEqualTo(303);
        String setCookie = response.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith("portcullis_session=")).findFirst()
                .orElseThrow();
        assertThat(setCookie).contains("HttpOnly", "SameSite=Strict", "Path=/ui").doesNotContain("Secure");
    }

    @Test
    void aLoginFormWithoutItsTokenIsRefused() {
        given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParams(Map.of("username", "admin", "password", UiClient.ADMIN_PASSWORD))
                .post("/ui/login").then().statusCode(403).body(not(containsString("portcullis_session")));
        Response form = given().get("/ui/login");
        given().redirects().follow(false).contentType(ContentType.URLENC)
                .cookie("portcullis_login_csrf", form.cookie("portcullis_login_csrf"))
                .formParams(Map.of("_csrf", "not-the-token", "username", "admin", "password", UiClient.ADMIN_PASSWORD))
                .post("/ui/login").then().statusCode(403);
    }

    @Test
    void oversizedLoginFieldsAreRefusedWithAMessage() {
        UiClient.loginAttempt("a".repeat(1500), "b".repeat(1500)).then().statusCode(400).body(containsString("too long"));
        // Beyond the HTTP layer's form field limit (quarkus.http.limits.max-form-attribute-size) nothing is parsed at all.
        UiClient.loginAttempt("a".repeat(100_000), "b").then().statusCode(413);
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountThroughTheSameLockoutAsTheApi() {
        UiClient.ensureAccount("ui-lockout", "auditor");
        for (int i = 0; i < 5; i++) {
            UiClient.loginAttempt("ui-lockout", "wrong-password-" + i).then().statusCode(401);
        }
        Response locked = UiClient.loginAttempt("ui-lockout", UiClient.OTHER_PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.asString()).contains("locked");
        // The REST API shares the lockout.
        given().contentType(ContentType.JSON).body(Map.of("username", "ui-lockout", "password", UiClient.OTHER_PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(429);
    }

    @Test
    void mutatingPostsWithoutOrWithAWrongCsrfTokenAreRefused() {
        UiClient admin = UiClient.as("admin");
        admin.request().contentType(ContentType.URLENC).formParams(gateway("csrf-gw", "fqdn", "csrf-gw.example.net", ""))
                .post("/ui/gateways").then().statusCode(403).body(containsString("CSRF"));
        admin.request().contentType(ContentType.URLENC).formParam("_csrf", admin.csrf + "x")
                .formParams(gateway("csrf-gw", "fqdn", "csrf-gw.example.net", ""))
                .post("/ui/gateways").then().statusCode(403);
        admin.request().contentType(ContentType.URLENC).header("X-CSRF-Token", "")
                .formParams(gateway("csrf-gw", "fqdn", "csrf-gw.example.net", ""))
                .post("/ui/gateways").then().statusCode(403);
        given().redirects().follow(false).contentType(ContentType.URLENC).formParam("_csrf", admin.csrf)
                .formParams(gateway("csrf-gw", "fqdn", "csrf-gw.example.net", ""))
                .post("/ui/gateways").then().statusCode(403);
        // The htmx header carries the token as well as the form field does.
        admin.request().contentType(ContentType.URLENC).header("X-CSRF-Token", admin.csrf)
                .formParams(gateway("csrf-gw", "fqdn", "csrf-gw.example.net", ""))
                .post("/ui/gateways").then().statusCode(200).body(containsString("id=\"secret\""));
        admin.request().get("/ui/audit?action=ui.request-refused").then().statusCode(200).body(containsString("CSRF token"));
    }

    /**
     * Every state-changing UI route the server has (taken from its OpenAPI document, so a new form is
     * covered without editing this test) refuses a request of a valid admin session without its CSRF
     * token, or with a wrong one, and accepts the same request with it. The login form has its own
     * token (aLoginFormWithoutItsTokenIsRefused).
     */
    @Test
    void everyMutatingUiRouteRefusesARequestWithoutItsCsrfToken() throws Exception {
        com.fasterxml.jackson.databind.JsonNode paths = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString()).path("paths");
        java.util.List<String> routes = new java.util.ArrayList<>();
        paths.fieldNames().forEachRemaining(path -> {
            for (String method : java.util.List.of("post", "put", "patch", "delete")) {
                if (path.startsWith("/ui") && paths.path(path).has(method)) {
                    assertThat(method).as(path + ": the UI's forms only POST").isEqualTo("post");
                    if (!path.equals("/ui/login")) {
                        routes.add(path);
                    }
                }
            }
        });
        // /ui/logout last: with its token it ends the session.
        routes.sort(java.util.Comparator.comparing((String r) -> r.equals("/ui/logout")).thenComparing(r -> r));
        assertThat(routes).contains("/ui/gateways", "/ui/accounts", "/ui/tunnels/{id}/delete", "/ui/logout").hasSizeGreaterThanOrEqualTo(13);
        UiClient admin = UiClient.as("admin");
        for (String route : routes) {
            String path = route.replace("{serial}", "0badc0ffee").replace("{username}", "no-such-account")
                    .replace("{id}", route.startsWith("/ui/tunnels/") ? "0123456789abcdef0123456789abcdef" : "00000000-0000-4000-8000-000000000000");
            admin.request().contentType(ContentType.URLENC).formParam("confirm", "yes").post(path)
                    .then().statusCode(403).body(containsString("CSRF"));
            admin.request().contentType(ContentType.URLENC).formParam("_csrf", admin.csrf + "x").post(path)
                    .then().statusCode(403).body(containsString("CSRF"));
            admin.request().header("X-CSRF-Token", "x" + admin.csrf).post(path).then().statusCode(403).body(containsString("CSRF"));
            // The same request with the token passes the guard (and fails, if at all, for what it names or lacks).
            assertThat(admin.post(path, Map.of()).statusCode()).as("POST " + path + " with its CSRF token").isNotIn(401, 403, 500);
        }
        admin.request().get("/ui/").then().statusCode(303); // logged out by its last form
        String refused = UiClient.as("admin").request().get("/ui/audit?action=ui.request-refused").then().statusCode(200).extract().asString();
        assertThat(refused).contains("missing or wrong CSRF token");
    }

    @Test
    void aBadCidrIsShownInlineAndNothingIsRegistered() {
        UiClient operator = UiClient.as("operator");
        operator.post("/ui/gateways", gateway("cidr-gw", "fqdn", "cidr-gw.example.net", "10.0.0.0/8, 192.0.2.300/24"))
                .then().statusCode(400).body(containsString("id=\"error\"")).body(containsString("192.0.2.300/24"))
                .body(containsString("value=\"cidr-gw\""));
        operator.post("/ui/gateways", gateway("cidr-gw", "fqdn", "cidr-gw.example.net", "10.0.0.0/40"))
                .then().statusCode(400).body(containsString("id=\"error\""));
        operator.request().get("/ui/gateways").then().body(not(containsString("data-name=\"cidr-gw\"")));
    }

    @Test
    void aBadIdentityIsShownInline() {
        UiClient operator = UiClient.as("operator");
        operator.post("/ui/gateways", gateway("id-gw", "fqdn", "not a host name!", "")).then().statusCode(400)
                .body(containsString("id=\"error\"")).body(containsString("not a fully qualified domain name"));
        operator.post("/ui/gateways", gateway("id-gw", "ipv4", "300.1.2.3", "")).then().statusCode(400).body(containsString("id=\"error\""));
        operator.post("/ui/gateways", gateway("id-gw", "carrier-pigeon", "x", "")).then().statusCode(400)
                .body(containsString("identity.type must be one of"));
        operator.post("/ui/gateways", gateway("bad name with spaces", "fqdn", "id-gw.example.net", "")).then().statusCode(400)
                .body(containsString("name must be"));
    }

    @Test
    void oversizedFieldsAreRefusedBeforeValidation() {
        UiClient operator = UiClient.as("operator");
        operator.post("/ui/gateways", gateway("big-gw", "fqdn", "a".repeat(1500), "")).then().statusCode(400)
                .body(containsString("too long"));
        operator.post("/ui/gateways", gateway("big-gw", "fqdn", "big-gw.example.net", "10.0.0.0/8,".repeat(10_000))).then().statusCode(413);
        operator.request().get("/ui/gateways").then().body(not(containsString("data-name=\"big-gw\"")));
        operator.request().get("/ui/certificates?q=" + "x".repeat(300)).then().statusCode(400).body(containsString("at most 256"));
        operator.request().get("/ui/audit?actor=" + "x".repeat(300)).then().statusCode(400).body(containsString("at most 256"));
        operator.post("/ui/requests/00000000-0000-0000-0000-000000000000/reject", Map.of("reason", "r".repeat(600)))
                .then().statusCode(400);
    }

    @Test
    void markupInInputIsEscapedNotExecuted() {
        UiClient operator = UiClient.as("operator");
        String script = "<script>alert(1)</script>";
        operator.post("/ui/gateways", gateway("xss-gw", "fqdn", script, "")).then().statusCode(400)
                .body(not(containsString(script))).body(containsString("&lt;script&gt;"));
        operator.request().get("/ui/certificates?q=" + script).then().statusCode(200)
                .body(not(containsString(script)));
    }

    @Test
    void badSearchValuesAreShownInline() {
        UiClient auditor = UiClient.as("auditor");
        auditor.request().get("/ui/certificates?expiringBefore=next-tuesday").then().statusCode(400)
                .body(containsString("id=\"error\"")).body(containsString("expiring before must be a date"));
        auditor.request().get("/ui/certificates?status=sort-of-valid").then().statusCode(400).body(containsString("status must be one of"));
        auditor.request().get("/ui/certificates?page=-1").then().statusCode(400);
        auditor.request().get("/ui/requests?status=maybe").then().statusCode(400);
        auditor.request().get("/ui/certificates/not-hex").then().statusCode(400).body(containsString("hexadecimal"));
        auditor.request().get("/ui/certificates/abcdef0123").then().statusCode(404);
    }

    @Test
    void revokingWithoutConfirmationOrWithAnUnknownReasonChangesNothing() throws Exception {
        UiClient operator = UiClient.as("operator");
        Response registered = operator.post("/ui/gateways", gateway("revoke-gw", "fqdn", "revoke-gw.example.net", ""));
        String secret = UiClient.find(java.util.regex.Pattern.compile("id=\"secret\">([^<]+)<"), registered.asString()).strip();
        String serial = given().contentType(ContentType.JSON)
                .body(Map.of("peer", "revoke-gw", "secret", secret, "csr", GatewayCsr.forFqdn("revoke-gw.example.net")))
                .post("/enroll/v1/csr").then().statusCode(201).extract().path("serial");
        operator.post("/ui/certificates/" + serial + "/revoke", Map.of("reason", "keyCompromise")).then().statusCode(400)
                .body(containsString("confirmation"));
        operator.post("/ui/certificates/" + serial + "/revoke", Map.of("reason", "because", "confirm", "yes")).then().statusCode(400)
                .body(containsString("reason must be one of"));
        operator.request().get("/ui/certificates/" + serial).then().body(containsString("id=\"cert-status\">valid<"));
        operator.post("/ui/certificates/" + serial + "/revoke", Map.of("reason", "certificateHold", "confirm", "yes")).then().statusCode(303);
        operator.request().get("/ui/certificates/" + serial).then().body(containsString("id=\"cert-status\">on_hold<"));
        operator.post("/ui/certificates/" + serial + "/release", Map.of()).then().statusCode(303);
        operator.request().get("/ui/certificates/" + serial).then().body(containsString("id=\"cert-status\">valid<"));
    }

    @Test
    void onlyAdminsManageAccounts() {
        UiClient operator = UiClient.as("operator");
        operator.request().get("/ui/accounts").then().statusCode(403);
        operator.post("/ui/accounts", Map.of("username", "sneaky", "password", "sneaky-password-123", "role", "admin")).then().statusCode(403);
        UiClient admin = UiClient.as("admin");
        admin.post("/ui/accounts", Map.of("username", "ui-new", "password", "short", "role", "auditor")).then().statusCode(400)
                .body(containsString("at least 12"));
        admin.post("/ui/accounts", Map.of("username", "ui-new", "password", "long-enough-password", "role", "overlord")).then()
                .statusCode(400).body(containsString("role must be one of"));
        admin.post("/ui/accounts", Map.of("username", "ui-new", "password", "long-enough-password", "role", "auditor")).then().statusCode(303);
        admin.request().get("/ui/accounts").then().body(containsString("data-username=\"ui-new\""));
        admin.post("/ui/accounts/ui-new/delete", Map.of()).then().statusCode(303);
        admin.request().get("/ui/accounts").then().body(not(containsString("data-username=\"ui-new\"")));
    }

    @Test
    void logoutEndsTheSessionOnTheServer() {
        UiClient auditor = UiClient.as("auditor");
        auditor.request().get("/ui/").then().statusCode(200);
        auditor.post("/ui/logout", Map.of()).then().statusCode(303);
        auditor.request().get("/ui/").then().statusCode(303);
    }

    private static final java.util.regex.Pattern SECRET = java.util.regex.Pattern.compile("id=\"secret\">([^<]+)<");
    private static final java.util.regex.Pattern GATEWAY_LINK = java.util.regex.Pattern.compile("href=\"/ui/gateways/([0-9a-f-]{36})\"");

    @Test
    void pendingEnrollmentsAreApprovedOrRejectedFromTheRequestsPage() throws Exception {
        UiClient operator = UiClient.as("operator");
        String[] ids = new String[2];
        for (int i = 0; i < 2; i++) {
            String name = "manual-gw" + i;
            Map<String, String> form = new java.util.HashMap<>(gateway(name, "fqdn", name + ".example.net", ""));
            form.put("approval", "manual");
            String secret = UiClient.find(SECRET, operator.post("/ui/gateways", form).then().statusCode(200).extract().asString()).strip();
            String location = given().contentType(ContentType.JSON)
                    .body(Map.of("peer", name, "secret", secret, "csr", GatewayCsr.forFqdn(name + ".example.net")))
                    .post("/enroll/v1/csr").then().statusCode(202).extract().header("Location");
            ids[i] = location.substring(location.lastIndexOf('/') + 1);
        }
        String pending = operator.request().get("/ui/requests").then().statusCode(200).extract().asString();
        assertThat(pending).contains("data-id=\"" + ids[0] + "\"", "data-id=\"" + ids[1] + "\"", "manual-gw0.example.net");
        operator.post("/ui/requests/" + ids[0] + "/approve", Map.of()).then().statusCode(303);
        operator.post("/ui/requests/" + ids[1] + "/reject", Map.of("reason", "unknown site")).then().statusCode(303);
        given().get("/enroll/v1/requests/" + ids[0]).then().statusCode(200);
        given().get("/enroll/v1/requests/" + ids[1]).then().statusCode(403);
        operator.post("/ui/requests/" + ids[0] + "/approve", Map.of()).then().statusCode(409).body(containsString("already issued"));
        operator.request().get("/ui/requests?status=rejected").then().body(containsString("unknown site"));
        UiClient.as("auditor").post("/ui/requests/" + ids[0] + "/approve", Map.of()).then().statusCode(403);
    }

    @Test
    void aGatewayGetsANewSecretIsDisabledEnabledAndDeleted() {
        UiClient operator = UiClient.as("operator");
        String first = operator.post("/ui/gateways", gateway("life-gw", "fqdn", "life-gw.example.net", "")).then().statusCode(200)
                .header("Cache-Control", containsString("no-store")).extract().asString();
        String page = operator.request().get("/ui/gateways").then().extract().asString();
        java.util.regex.Matcher m = GATEWAY_LINK.matcher(page);
        assertThat(m.find(page.indexOf("data-name=\"life-gw\""))).isTrue();
        String id = m.group(1);
        String second = operator.post("/ui/gateways/" + id + "/secret", Map.of()).then().statusCode(200).extract().asString();
        assertThat(UiClient.find(SECRET, second)).isNotEqualTo(UiClient.find(SECRET, first));
        operator.post("/ui/gateways/" + id + "/disable", Map.of()).then().statusCode(303);
        operator.request().get("/ui/gateways/" + id).then().body(containsString("id=\"peer-status\">disabled<"));
        operator.post("/ui/gateways/" + id + "/secret", Map.of()).then().statusCode(409).body(containsString("enable it first"));
        operator.post("/ui/gateways/" + id + "/enable", Map.of()).then().statusCode(303);
        operator.post("/ui/gateways/" + id + "/delete", Map.of()).then().statusCode(303);
        operator.request().get("/ui/gateways/" + id).then().body(containsString("id=\"peer-status\">revoked<"));
        operator.request().get("/ui/gateways").then().body(not(containsString("data-name=\"life-gw\"")));
        operator.request().get("/ui/audit?q=life-gw").then().body(containsString("peer.deleted")).body(containsString("peer.secret-issued"));
    }
}
