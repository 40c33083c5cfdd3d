package io.portcullis.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.ca.auth.TokenKey;
import io.portcullis.ca.auth.TokenService;
import io.quarkus.test.junit.QuarkusTest;
import io.portcullis.server.ui.UiClient;
import io.restassured.RestAssured;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The authorization matrix (issue 20.6): every operation of the OpenAPI document the server serves,
 * called with no token, an expired token, forged tokens and a valid token of each role. The expected
 * access of each operation is written in {@link #EXPECTED}; an operation the document lists and the
 * table does not (or the reverse) fails the test, so the table stays complete. docs/reliability.md
 * carries the same table.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    /** Who may call an operation. Roles are ordered: auditor < operator < admin. */
    enum Access {
        /** Anyone, without a token: never 401/403, whatever token is presented. */
        PUBLIC,
        AUDITOR,
        OPERATOR,
        ADMIN,
        /**
         * Admin UI pages and forms: authenticated by the session cookie, never by a bearer token. With
         * any token and no session a page redirects to the login (303), a form is refused (403). With a
         * session (and, for a form, its CSRF token) a role below the minimum gets 403.
         */
        UI_AUDITOR,
        UI_OPERATOR,
        UI_ADMIN,
        /** The login form: open to anyone, but refused (403) without its own CSRF cookie and token. */
        UI_LOGIN;

        boolean ui() {
            return name().startsWith("UI_");
        }
    }

    /** Operation ("METHOD /path" as in the OpenAPI document) -> who may call it. */
    static final Map<String, Access> EXPECTED = new LinkedHashMap<>();

    static {
        // Admin API login
        EXPECTED.put("POST /api/v1/auth/login", Access.PUBLIC);
        // CAs and certificates
        EXPECTED.put("GET /api/v1/cas", Access.AUDITOR);
        EXPECTED.put("GET /api/v1/certificates", Access.AUDITOR);
        EXPECTED.put("POST /api/v1/certificates", Access.OPERATOR);
        EXPECTED.put("GET /api/v1/certificates/{serial}", Access.AUDITOR);
        EXPECTED.put("GET /api/v1/certificates/{serial}/pem", Access.AUDITOR);
        EXPECTED.put("POST /api/v1/certificates/{serial}/revoke", Access.OPERATOR);
        EXPECTED.put("POST /api/v1/certificates/{serial}/release", Access.OPERATOR);
        // Audit log
        EXPECTED.put("GET /api/v1/audit", Access.AUDITOR);
        EXPECTED.put("GET /api/v1/audit/verify", Access.AUDITOR);
        // Accounts
        EXPECTED.put("GET /api/v1/users", Access.ADMIN);
        EXPECTED.put("POST /api/v1/users", Access.ADMIN);
        EXPECTED.put("DELETE /api/v1/users/{username}", Access.ADMIN);
        // Gateways (peers) and their enrollment requests
        EXPECTED.put("GET /api/v1/peers", Access.AUDITOR);
        EXPECTED.put("POST /api/v1/peers", Access.OPERATOR);
        EXPECTED.put("GET /api/v1/peers/{id}", Access.AUDITOR);
        EXPECTED.put("DELETE /api/v1/peers/{id}", Access.OPERATOR);
        EXPECTED.put("POST /api/v1/peers/{id}/secret", Access.OPERATOR);
        EXPECTED.put("POST /api/v1/peers/{id}/disable", Access.OPERATOR);
        EXPECTED.put("POST /api/v1/peers/{id}/enable", Access.OPERATOR);
        EXPECTED.put("GET /api/v1/enrollment-requests", Access.AUDITOR);
        EXPECTED.put("GET /api/v1/enrollment-requests/{id}", Access.AUDITOR);
        EXPECTED.put("POST /api/v1/enrollment-requests/{id}/approve", Access.OPERATOR);
        EXPECTED.put("POST /api/v1/enrollment-requests/{id}/reject", Access.OPERATOR);
        // IKE SAs
        EXPECTED.put("GET /api/v1/ike/sas", Access.AUDITOR);
        EXPECTED.put("DELETE /api/v1/ike/sas/{id}", Access.OPERATOR);
        // Public PKI: CA certificates, CRLs, gateway enrollment, SCEP
        EXPECTED.put("GET /pki/{name}.crt", Access.PUBLIC);
        EXPECTED.put("GET /pki/{name}.crl", Access.PUBLIC);
        EXPECTED.put("GET /enroll/v1/cacerts", Access.PUBLIC);
        EXPECTED.put("POST /enroll/v1/csr", Access.PUBLIC);
        EXPECTED.put("GET /enroll/v1/requests/{id}", Access.PUBLIC);
        EXPECTED.put("POST /enroll/v1/renew", Access.PUBLIC);
        EXPECTED.put("GET /scep", Access.PUBLIC);
        EXPECTED.put("POST /scep", Access.PUBLIC);
        EXPECTED.put("GET /cgi-bin/pkiclient.exe", Access.PUBLIC);
        EXPECTED.put("POST /cgi-bin/pkiclient.exe", Access.PUBLIC);
        // Admin UI: session cookie and CSRF token (the forms' CSRF refusal is AdminUiFormsTest's)
        EXPECTED.put("GET /", Access.PUBLIC); // redirects to /ui/
        EXPECTED.put("GET /ui/login", Access.PUBLIC);
        EXPECTED.put("POST /ui/login", Access.UI_LOGIN);
        EXPECTED.put("POST /ui/logout", Access.UI_AUDITOR);
        for (String page : List.of("/ui", "/ui/audit", "/ui/audit/verify", "/ui/certificates", "/ui/certificates/{serial}",
                "/ui/certificates/{serial}/chain", "/ui/certificates/{serial}/pem", "/ui/gateways", "/ui/gateways/{id}", "/ui/requests",
                "/ui/revocation", "/ui/tunnels")) {
            EXPECTED.put("GET " + page, Access.UI_AUDITOR);
        }
        EXPECTED.put("GET /ui/accounts", Access.UI_ADMIN);
        for (String form : List.of("/ui/certificates/{serial}/release", "/ui/certificates/{serial}/revoke", "/ui/gateways",
                "/ui/gateways/{id}/delete", "/ui/gateways/{id}/disable", "/ui/gateways/{id}/enable", "/ui/gateways/{id}/secret",
                "/ui/requests/{id}/approve", "/ui/requests/{id}/reject", "/ui/tunnels/{id}/delete")) {
            EXPECTED.put("POST " + form, Access.UI_OPERATOR);
        }
        EXPECTED.put("POST /ui/accounts", Access.UI_ADMIN);
        EXPECTED.put("POST /ui/accounts/{username}/delete", Access.UI_ADMIN);
    }

    /** Values for path parameters: well-formed but naming nothing that exists, so no call changes anything. */
    private static String pathValue(String path, String parameter) {
        return switch (parameter) {
            case "serial" -> "0badc0ffee";
            case "username" -> "no-such-account";
            case "name" -> path.startsWith("/pki/") ? "issuing-ca" : "no-such-name";
            case "id" -> path.startsWith("/api/v1/ike/") || path.startsWith("/ui/tunnels/") ? "0123456789abcdef0123456789abcdef" : "00000000-0000-4000-8000-000000000000";
            default -> "x";
        };
    }

    private static final String PROBLEM = "application/problem+json";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Inject
    TokenKey key;

    record Operation(String method, String path, String mediaType) {
        String id() {
            return method + " " + path;
        }
    }

    @Test
    void theTableListsEveryOperationOfTheOpenApiDocumentAndNothingElse() throws Exception {
        Set<String> served = new TreeSet<>();
        for (Operation op : operations()) {
            served.add(op.id());
        }
        assertThat(served).as("operations in /q/openapi missing from AuthorizationMatrixTest.EXPECTED")
                .isSubsetOf(EXPECTED.keySet());
        assertThat(EXPECTED.keySet()).as("operations in AuthorizationMatrixTest.EXPECTED no longer in /q/openapi")
                .isSubsetOf(served);
    }

    @Test
    void everyOperationAnswersEveryKindOfTokenAsTheTableSays() throws Exception {
        Map<String, String> tokens = tokens();
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Operation op : operations()) {
            Access access = EXPECTED.get(op.id());
            if (access == null) {
                continue; // reported by theTableListsEveryOperationOfTheOpenApiDocumentAndNothingElse
            }
            for (Map.Entry<String, String> token : tokens.entrySet()) {
                Answer response = call(op, token.getValue());
                calls++;
                String problem = check(op, access, token.getKey(), response);
                if (problem != null) {
                    failures.add(op.id() + " with " + token.getKey() + ": " + problem);
                }
            }
        }
        System.out.printf("authorization matrix: %d calls%n", calls);
        assertThat(failures).as("answers that break the authorization matrix").isEmpty();
    }

    @Test
    void everyUiOperationAnswersTheSessionOfEachRoleAsTheTableSays() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Access role : List.of(Access.UI_AUDITOR, Access.UI_OPERATOR, Access.UI_ADMIN)) {
            UiClient session = UiClient.as(role.name().substring(3).toLowerCase(java.util.Locale.ROOT));
            List<Operation> ops = new ArrayList<>(operations());
            // Logging out ends the session: last.
            ops.sort(java.util.Comparator.comparing((Operation op) -> op.path().equals("/ui/logout")));
            for (Operation op : ops) {
                Access access = EXPECTED.get(op.id());
                if (access == null || !access.ui() || access == Access.UI_LOGIN) {
                    continue;
                }
                String path = concrete(op.path());
                io.restassured.response.Response response = op.method().equals("GET") ? session.request().get(path)
                        : session.post(path, Map.of());
                int status = response.statusCode();
                boolean below = role.compareTo(access) < 0;
                if (below ? status != 403 : (status == 401 || status == 403 || status == 500
                        || status == 303 && String.valueOf(response.header("Location")).contains("/ui/login")
                                && !op.path().equals("/ui/logout"))) {
                    failures.add(op.id() + " with a " + role + " session: HTTP " + status + ", expected "
                            + (below ? "403" : "neither 401/403/500 nor the login page"));
                }
            }
        }
        assertThat(failures).as("UI answers that break the authorization matrix").isEmpty();
    }

    /** Null when the answer is right, else what is wrong with it. */
    private static String check(Operation op, Access access, String tokenKind, Answer response) {
        int status = response.status();
        String type = response.contentType();
        String seen = "HTTP " + status + " " + type;
        switch (access) {
            case PUBLIC:
                return status == 401 || status == 403 || status == 500 ? seen + ", expected neither 401/403 nor 500" : null;
            case UI_AUDITOR, UI_OPERATOR, UI_ADMIN, UI_LOGIN:
                if (op.method().equals("GET")) {
                    String location = response.location();
                    return status == 303 && location != null && location.contains("/ui/login") ? null
                            : seen + ", expected 303 to /ui/login (a token is no session)";
                }
                return status == 403 ? null : seen + ", expected 403 (a token is no session)";
            default:
                Access role = switch (tokenKind) {
                    case "auditor" -> Access.AUDITOR;
                    case "operator" -> Access.OPERATOR;
                    case "admin" -> Access.ADMIN;
                    default -> null;
                };
                if (role == null) {
                    return status == 401 && type.startsWith(PROBLEM) && response.authenticate().startsWith("Bearer") ? null
                            : seen + " WWW-Authenticate: " + response.authenticate() + ", expected 401 " + PROBLEM + " WWW-Authenticate: Bearer";
                }
                if (role.compareTo(access) < 0) {
                    return status == 403 && type.startsWith(PROBLEM) ? null : seen + ", expected 403 " + PROBLEM;
                }
                return status == 401 || status == 403 || status == 500 ? seen + ", expected neither 401/403 nor 500" : null;
        }
    }

    /** What came back: status and the headers the checks read. */
    record Answer(int status, String contentType, String location, String authenticate) {
    }

    /**
     * One call as a plain client makes it (java.net.http, so no header is added that the operation does
     * not need): a body-less operation gets no body and no Content-Type, the others a minimal body.
     */
    private static Answer call(Operation op, String token) throws Exception {
        String concrete = concrete(op.path());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + concrete))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (op.mediaType() != null) {
            boolean json = op.mediaType().contains("json");
            request.header("Content-Type", op.mediaType().contains("*") ? "application/octet-stream" : op.mediaType());
            body = HttpRequest.BodyPublishers.ofString(json ? "{}" : "");
        }
        HttpResponse<String> response = HTTP.send(request.method(op.method(), body).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Location").orElse(null), response.headers().firstValue("WWW-Authenticate").orElse(""));
    }

    /** The path with each parameter filled in by {@link #pathValue}. */
    private static String concrete(String path) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}:]+)[^}]*}").matcher(path);
        StringBuilder concrete = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(concrete, pathValue(path, m.group(1).strip()));
        }
        m.appendTail(concrete);
        return concrete.toString();
    }

    private static List<Operation> operations() throws Exception {
        String json = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        JsonNode paths = new ObjectMapper().readTree(json).path("paths");
        List<Operation> result = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                JsonNode content = operation.path("requestBody").path("content");
                String mediaType = content.isObject() && content.fieldNames().hasNext() ? content.fieldNames().next() : null;
                result.add(new Operation(method.toUpperCase(java.util.Locale.ROOT), path.getKey(), mediaType));
            }
        }
        return result;
    }

    /** Token kind -> token (null: no Authorization header). */
    private Map<String, String> tokens() throws Exception {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("no token", null);
        tokens.put("expired token", Jwt.issuer(TokenService.ISSUER).upn("admin").groups(Set.of("admin"))
                .issuedAt(Instant.now().minusSeconds(1200)).expiresAt(Instant.now().minusSeconds(600))
                .jws().algorithm(SignatureAlgorithm.HS256).sign(key.secretKey()));
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        tokens.put("token signed with another key", Jwt.issuer(TokenService.ISSUER).upn("admin").groups(Set.of("admin"))
                .expiresAt(Instant.now().plusSeconds(600))
                .jws().algorithm(SignatureAlgorithm.HS256).sign(new SecretKeySpec(otherKey, "HmacSHA256")));
        java.security.KeyPairGenerator rsa = java.security.KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        tokens.put("token signed RS256 with another key", Jwt.issuer(TokenService.ISSUER).upn("admin").groups(Set.of("admin"))
                .expiresAt(Instant.now().plusSeconds(600)).jws().algorithm(SignatureAlgorithm.RS256).sign(rsa.generateKeyPair().getPrivate()));
        tokens.put("token of another issuer (our key)", Jwt.issuer("https://elsewhere.example").upn("admin").groups(Set.of("admin"))
                .expiresAt(Instant.now().plusSeconds(600)).jws().algorithm(SignatureAlgorithm.HS256).sign(key.secretKey()));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String adminClaims = "{\"iss\":\"" + TokenService.ISSUER + "\",\"upn\":\"admin\",\"groups\":[\"admin\"],\"exp\":"
                + (Instant.now().getEpochSecond() + 600) + "}";
        tokens.put("unsigned token (alg none)", b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + b64.encodeToString(adminClaims.getBytes(StandardCharsets.UTF_8)) + ".");
        // A real auditor token whose payload is rewritten to claim the admin role; the signature no longer matches.
        String[] parts = Api.token("auditor").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String raised = payload.replace("\"auditor\"", "\"admin\"");
        assertThat(raised).isNotEqualTo(payload);
        tokens.put("tampered token (auditor payload raised to admin)",
                parts[0] + "." + b64.encodeToString(raised.getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);
        tokens.put("auditor", Api.token("auditor"));
        tokens.put("operator", Api.token("operator"));
        tokens.put("admin", Api.token("admin"));
        return tokens;
    }
}
