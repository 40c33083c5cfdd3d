package io.portcullis.enrollment;

/** The audited actions of enrollment, as stored in {@code audit_entry.action}. Never with a secret in the details. */
public final class EnrollmentAudit {

    public static final String PEER_REGISTERED = "peer.registered";
    public static final String PEER_SECRET_ISSUED = "peer.secret-issued";
    public static final String PEER_DISABLED = "peer.disabled";
    public static final String PEER_ENABLED = "peer.enabled";
    public static final String PEER_DELETED = "peer.deleted";
    public static final String ENROLLED = "enrollment.enrolled";
    public static final String PENDING = "enrollment.pending";
    public static final String REFUSED = "enrollment.refused";
    public static final String APPROVED = "enrollment.approved";
    public static final String REJECTED = "enrollment.rejected";
    public static final String RENEWED = "enrollment.renewed";
    public static final String SCEP_RA_CREATED = "scep.ra-created";

    private EnrollmentAudit() {
    }
}
