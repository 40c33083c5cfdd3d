package io.portcullis.ui;

/** Audit actions that only the admin UI records (everything else is audited by the services it calls). */
public final class UiAudit {

    public static final String LOGOUT = "auth.logout";
    public static final String TUNNEL_DELETED = "ike.sa-deleted";
    public static final String REQUEST_REFUSED = "ui.request-refused";

    private UiAudit() {
    }
}
