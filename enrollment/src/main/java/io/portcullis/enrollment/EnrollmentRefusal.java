package io.portcullis.enrollment;

import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.error.ProblemKind;

/**
 * An enrollment attempt refused by enrollment's own rules (secret, identity binding, peer state).
 * It counts against the failure limits and is audited once the transaction has rolled back, so a
 * refused attempt never consumes the secret.
 */
public class EnrollmentRefusal extends PortcullisException {

    private final String peerId;
    private final String peerName;
    private final String auditReason;

    public EnrollmentRefusal(ProblemKind kind, String type, String detail, String peerId, String peerName, String auditReason) {
        super(kind, type, detail);
        this.peerId = peerId;
        this.peerName = peerName;
        this.auditReason = auditReason;
    }

    public String peerId() {
        return peerId;
    }

    public String peerName() {
        return peerName;
    }

    /** What the audit log records: more precise than the caller's detail, never the secret. */
    public String auditReason() {
        return auditReason;
    }
}
