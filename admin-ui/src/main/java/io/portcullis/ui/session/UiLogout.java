package io.portcullis.ui.session;

import io.portcullis.ca.audit.AuditEvent;
import io.portcullis.ca.audit.AuditLog;
import io.portcullis.ui.UiAudit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Ends a UI session and records that the user logged out. */
@ApplicationScoped
public class UiLogout {

    private final UiSessionStore sessions;
    private final AuditLog audit;

    public UiLogout(UiSessionStore sessions, AuditLog audit) {
        this.sessions = sessions;
        this.audit = audit;
    }

    /** One unit of work: the audit log says "logged out" only if the session row is gone, and the other way round. */
    @Transactional
    public void logout(String cookieValue, String username) {
        sessions.close(cookieValue);
        audit.append(AuditEvent.success(username, UiAudit.LOGOUT, username, "logged out of the admin UI"));
    }
}
