package io.portcullis.ui.session;

import jakarta.ws.rs.core.NewCookie;

/**
 * The UI's cookies: HttpOnly (no script reads them), SameSite=Strict (no cross-site request
 * carries them), Secure when the page was served over HTTPS, scoped to {@code /ui}.
 */
public final class SessionCookies {

    public static final String SESSION = "portcullis_session";
    /** Double-submit token of the login form, before any session exists (login CSRF). */
    public static final String LOGIN_CSRF = "portcullis_login_csrf";
    public static final String PATH = "/ui";

    private SessionCookies() {
    }

    public static NewCookie session(String value, boolean secure) {
        return cookie(SESSION, value, secure, NewCookie.DEFAULT_MAX_AGE);
    }

    public static NewCookie loginCsrf(String value, boolean secure) {
        return cookie(LOGIN_CSRF, value, secure, 3600);
    }

    public static NewCookie expired(String name, boolean secure) {
        return cookie(name, "", secure, 0);
    }

    private static NewCookie cookie(String name, String value, boolean secure, int maxAge) {
        return new NewCookie.Builder(name)
                .value(value)
                .path(PATH)
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge(maxAge)
                .build();
    }
}
