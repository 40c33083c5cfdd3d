package io.portcullis.ui.pages;

import io.portcullis.ca.auth.LoginService;
import io.portcullis.ca.auth.Role;
import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ui.session.SessionCookies;
import io.portcullis.ui.session.Tokens;
import io.portcullis.ui.session.UiLogout;
import io.portcullis.ui.session.UiSessionStore;
import io.portcullis.ui.web.CurrentUser;
import io.portcullis.ui.web.ErrorPages;
import io.portcullis.ui.web.RequestFacts;
import io.portcullis.ui.web.UiAccess;
import io.portcullis.ui.web.UiPublic;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.security.SecureRandom;

/**
 * Login and logout. The password check, its audit entry and the account lockout are the REST
 * API's own ({@link LoginService}); a successful login opens a server-side session instead of
 * handing out a token. The login form carries a double-submit token (login CSRF).
 */
@Path("/ui")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class LoginPage {

    private static final int MAX_FIELD = 1024;

    private final Template login;
    private final LoginService logins;
    private final UiSessionStore sessions;
    private final CurrentUser currentUser;
    private final ErrorPages errors;
    private final UiLogout uiLogout;
    private final SecureRandom random;

    public LoginPage(@Location("ui/login.html") Template login, LoginService logins, UiSessionStore sessions,
            CurrentUser currentUser, ErrorPages errors, UiLogout uiLogout, SecureRandom random) {
        this.login = login;
        this.logins = logins;
        this.sessions = sessions;
        this.currentUser = currentUser;
        this.errors = errors;
        this.uiLogout = uiLogout;
        this.random = random;
    }

    @GET
    @Path("/login")
    @UiPublic
    public Response form(@CookieParam(SessionCookies.SESSION) String session, @Context HttpServerRequest http) {
        if (sessions.resolve(session).isPresent()) {
            return Response.seeOther(URI.create("/ui/")).build();
        }
        return form(200, null, "", RequestFacts.secure(http));
    }

    @POST
    @Path("/login")
    @UiPublic
    public Response login(@FormParam("username") String username, @FormParam("password") String password,
            @FormParam("_csrf") String csrf, @CookieParam(SessionCookies.LOGIN_CSRF) String expectedCsrf,
            @Context HttpServerRequest http) {
        boolean secure = RequestFacts.secure(http);
        if (!Tokens.matches(csrf, expectedCsrf)) {
            return errors.page(403, "Refused", "The login form is stale or did not come from this server. Reload the login page.");
        }
        String name = username == null ? "" : username.strip();
        if (name.length() > MAX_FIELD || (password != null && password.length() > MAX_FIELD)) {
            return form(400, "Username or password is too long.", "", secure);
        }
        try {
            logins.login(name, password, RequestFacts.client(http));
        } catch (PortcullisException e) {
            String message = switch (e.type()) {
                case "account-locked" -> "Too many failed logins: this account is locked for a while.";
                case "invalid-credentials" -> "Username or password is wrong.";
                default -> e.detail();
            };
            return form(e.kind().httpStatus(), message, name, secure);
        }
        UiSessionStore.NewSession opened = sessions.open(name);
        return Response.seeOther(URI.create("/ui/"))
                .cookie(SessionCookies.session(opened.cookieValue(), secure), SessionCookies.expired(SessionCookies.LOGIN_CSRF, secure))
                .build();
    }

    @POST
    @Path("/logout")
    @UiAccess(Role.AUDITOR)
    public Response logout(@CookieParam(SessionCookies.SESSION) String session, @Context HttpServerRequest http) {
        String user = currentUser.username();
        uiLogout.logout(session, user);
        return Response.seeOther(URI.create("/ui/login"))
                .cookie(SessionCookies.expired(SessionCookies.SESSION, RequestFacts.secure(http)))
                .build();
    }

    private Response form(int status, String error, String username, boolean secure) {
        String token = Tokens.random(random);
        String html = login.data("error", error).data("username", username).data("csrf", token).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html)
                .cookie(SessionCookies.loginCsrf(token, secure))
                .header("Cache-Control", "no-store")
                .build();
    }
}
