package io.portcullis.enrollment.peer;

import java.util.Locale;

/** registered → pending (manual approval) → enrolled → revoked (deleted) / disabled. */
public enum PeerStatus {
    REGISTERED, PENDING, ENROLLED, REVOKED, DISABLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
