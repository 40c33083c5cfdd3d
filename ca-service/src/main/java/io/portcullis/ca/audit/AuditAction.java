package io.portcullis.ca.audit;

/** The audited actions, as stored in {@code audit_entry.action}. */
public final class AuditAction {

    public static final String CA_CREATED = "ca.created";
    public static final String CERTIFICATE_ISSUED = "certificate.issued";
    public static final String CERTIFICATE_ISSUE_REFUSED = "certificate.issue-refused";
    public static final String CERTIFICATE_REVOKED = "certificate.revoked";
    public static final String CERTIFICATE_RELEASED = "certificate.released";
    public static final String LOGIN = "auth.login";
    public static final String ACCOUNT_CREATED = "account.created";
    public static final String ACCOUNT_DELETED = "account.deleted";
    public static final String CONFIGURATION_CHANGED = "configuration.changed";

    private AuditAction() {
    }
}
