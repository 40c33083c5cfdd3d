package io.portcullis.ui.web;

import io.portcullis.ca.audit.AuditEvent;
import io.portcullis.ca.audit.AuditLog;
import io.portcullis.ca.auth.Role;
import io.portcullis.ui.session.SessionCookies;
import io.portcullis.ui.session.Tokens;
import io.portcullis.ui.session.UiSessionStore;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * The one gate in front of every {@code /ui} endpoint: a valid session (else the login page), the
 * role the endpoint needs ({@link UiAccess}; by default auditors may only read), and on every
 * state-changing request the session's CSRF token, from the form field {@code _csrf} or the
 * {@code X-CSRF-Token} header htmx sends, compared in constant time. Refusals are answered here,
 * before the endpoint runs, and refused changes are audited.
 */
public class UiRequestGuard {

    public static final String CSRF_FIELD = "_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Logger LOG = Logger.getLogger(UiRequestGuard.class);

    private final UiSessionStore sessions;
    private final CurrentUser currentUser;
    private final ErrorPages errors;
    private final AuditLog audit;

    public UiRequestGuard(UiSessionStore sessions, CurrentUser currentUser, ErrorPages errors, AuditLog audit) {
        this.sessions = sessions;
        this.currentUser = currentUser;
        this.errors = errors;
        this.audit = audit;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    @WithFormRead
    public Optional<Response> guard(ResteasyReactiveContainerRequestContext context, SimpleResourceInfo resource) {
        String path = context.getUriInfo().getPath();
        if (!path.equals("/ui") && !path.startsWith("/ui/")) {
            return Optional.empty();
        }
        Method method = method(resource);
        if (method != null && method.isAnnotationPresent(UiPublic.class)) {
            return Optional.empty();
        }
        boolean reading = HttpMethod.GET.equals(context.getMethod()) || HttpMethod.HEAD.equals(context.getMethod());
        Cookie cookie = context.getCookies().get(SessionCookies.SESSION);
        Optional<UiSessionStore.Resolved> session = sessions.resolve(cookie == null ? null : cookie.getValue());
        if (session.isEmpty()) {
            if (context.getHeaderString("HX-Request") != null) {
                // An htmx request would follow a redirect and swap the login page into a fragment; HX-Redirect makes it load the page instead.
                return Optional.of(Response.status(401).header("HX-Redirect", "/ui/login").build());
            }
            if (reading) {
                return Optional.of(Response.seeOther(URI.create("/ui/login")).build());
            }
            return Optional.of(refuse(context, "anonymous", "no valid session", 403,
                    "Your session has ended or this request did not come from a Portcullis page. Log in again."));
        }
        currentUser.set(session.get());
        Role needed = required(method, reading);
        if (session.get().role().compareTo(needed) < 0) {
            return Optional.of(refuse(context, session.get().username(), "role " + session.get().role().wireName()
                    + " lacks " + needed.wireName(), 403, "Your role (" + session.get().role().wireName()
                    + ") cannot do this; it needs " + needed.wireName() + "."));
        }
        if (!reading) {
            String presented = context.getHeaderString(CSRF_HEADER);
            if (presented == null) {
                Object field = ((ResteasyReactiveRequestContext) context.getServerRequestContext())
                        .getFormParameter(CSRF_FIELD, true, false);
                presented = field == null ? null : field.toString();
            }
            if (!Tokens.matches(presented, session.get().session().csrfToken)) {
                return Optional.of(refuse(context, session.get().username(), "missing or wrong CSRF token", 403,
                        "This form is stale or did not come from a Portcullis page (CSRF token missing or wrong). Reload the page and try again."));
            }
        }
        return Optional.empty();
    }

    private Response refuse(ResteasyReactiveContainerRequestContext context, String actor, String why, int status, String message) {
        String target = context.getMethod() + " " + context.getUriInfo().getPath();
        LOG.warnf("ui: refused %s for %s: %s", target, actor, why);
        if (!HttpMethod.GET.equals(context.getMethod())) {
            audit.appendIndependently(AuditEvent.failure(actor, io.portcullis.ui.UiAudit.REQUEST_REFUSED, target, why));
        }
        return errors.page(status, "Refused", message);
    }

    private static Role required(Method method, boolean reading) {
        UiAccess access = method == null ? null : method.getAnnotation(UiAccess.class);
        if (access == null && method != null) {
            access = method.getDeclaringClass().getAnnotation(UiAccess.class);
        }
        if (access != null) {
            return access.value();
        }
        return reading ? Role.AUDITOR : Role.OPERATOR;
    }

    private static Method method(SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null) {
            return null;
        }
        for (Method m : resource.getResourceClass().getMethods()) {
            if (m.getName().equals(resource.getMethodName())
                    && java.util.Arrays.equals(m.getParameterTypes(), resource.parameterTypes())) {
                return m;
            }
        }
        return null;
    }
}
