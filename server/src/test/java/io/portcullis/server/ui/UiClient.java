package io.portcullis.server.ui;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An admin UI session driven over plain HTTP (RestAssured), as a browser would: login form, cookie, CSRF token. */
public final class UiClient {

    static final String ADMIN_PASSWORD = "test-admin-password";
    static final String OTHER_PASSWORD = "another-long-password";
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");

    final String session;
    public final String csrf;

    private UiClient(String session, String csrf) {
        this.session = session;
        this.csrf = csrf;
    }

    static UiClient login(String username, String password) {
        Response response = loginAttempt(username, password);
        if (response.statusCode() != 303) {
            throw new IllegalStateException("UI login of " + username + " failed: HTTP " + response.statusCode());
        }
        String session = response.cookie("portcullis_session");
        String page = given().redirects().follow(false).cookie("portcullis_session", session).get("/ui/").then().statusCode(200)
                .extract().asString();
        return new UiClient(session, find(META_TOKEN, page));
    }

    /** One submission of the login form, with the token and cookie the form page handed out. */
    static Response loginAttempt(String username, String password) {
        Response form = given().redirects().follow(false).get("/ui/login");
        String token = find(FORM_TOKEN, form.asString());
        return given().redirects().follow(false).cookie("portcullis_login_csrf", form.cookie("portcullis_login_csrf"))
                .contentType(ContentType.URLENC)
                .formParams(Map.of("_csrf", token, "username", username, "password", password))
                .post("/ui/login");
    }

    /** An account of the given role, created through the REST API (idempotent within a test run). */
    public static UiClient as(String role) {
        if (role.equals("admin")) {
            return login("admin", ADMIN_PASSWORD);
        }
        String user = "ui-" + role;
        ensureAccount(user, role);
        return login(user, OTHER_PASSWORD);
    }

    static void ensureAccount(String user, String role) {
        int status = given().contentType(ContentType.JSON).auth().oauth2(apiToken("admin", ADMIN_PASSWORD))
                .body(Map.of("username", user, "password", OTHER_PASSWORD, "role", role))
                .post("/api/v1/users").statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("cannot create " + user + ": HTTP " + status);
        }
    }

    static String apiToken(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("token");
    }

    /** A request in this session, without following redirects. */
    public RequestSpecification request() {
        return given().redirects().follow(false).cookie("portcullis_session", session);
    }

    /** A form POST carrying this session's CSRF token, as the pages' forms do. */
    public Response post(String path, Map<String, String> fields) {
        Map<String, String> all = new java.util.HashMap<>(fields);
        all.put("_csrf", csrf);
        return request().contentType(ContentType.URLENC).formParams(all).post(path);
    }

    static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in page");
        }
        return m.group(1);
    }
}
