package io.portcullis.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Logs in to the admin UI as a browser does (login form token, its cookie, then the session cookie). */
public final class UiLogin {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private UiLogin() {
    }

    /** The {@code portcullis_session=…} cookie pair to send with later requests. */
    public static String sessionCookie(HttpClient http, String base, String username, String password) throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/ui/login")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = FORM_TOKEN.matcher(form.body());
        if (!token.find()) {
            throw new IllegalStateException("no login form token");
        }
        String loginCookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("portcullis_login_csrf="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        String body = "_csrf=" + enc(token.group(1)) + "&username=" + enc(username) + "&password=" + enc(password);
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/ui/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", loginCookie)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("portcullis_session="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new IllegalStateException("UI login failed: HTTP " + login.statusCode()));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
