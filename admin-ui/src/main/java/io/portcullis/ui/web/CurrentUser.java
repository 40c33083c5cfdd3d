package io.portcullis.ui.web;

import io.portcullis.ca.auth.Role;
import io.portcullis.ui.session.UiSessionStore;
import jakarta.enterprise.context.RequestScoped;

/** Who is asking, set by {@link UiRequestGuard} for every UI request that has a session. */
@RequestScoped
public class CurrentUser {

    private UiSessionStore.Resolved resolved;

    void set(UiSessionStore.Resolved resolved) {
        this.resolved = resolved;
    }

    public String username() {
        return resolved().username();
    }

    public Role role() {
        return resolved().role();
    }

    public String csrfToken() {
        return resolved().session().csrfToken;
    }

    /** What templates need to know about the user: name, role and which buttons to show. */
    public Me me() {
        Role role = role();
        return new Me(username(), role.wireName(), role.compareTo(Role.OPERATOR) >= 0, role == Role.ADMIN, csrfToken());
    }

    public record Me(String username, String role, boolean canChange, boolean isAdmin, String csrf) {
    }

    private UiSessionStore.Resolved resolved() {
        if (resolved == null) {
            throw new IllegalStateException("no UI session on this request");
        }
        return resolved;
    }
}
