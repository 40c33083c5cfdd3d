package io.portcullis.ca.audit;

import java.util.Objects;

/**
 * What happened, before it gets a place in the chain. {@code details} is shown to auditors, so it
 * must never carry a secret (passwords, enrollment secrets, key material).
 */
public record AuditEvent(String actor, String action, String target, Outcome outcome, String details) {

    public enum Outcome { SUCCESS, FAILURE }

    private static final int MAX_FIELD = 512;
    private static final int MAX_DETAILS = 4000;

    public AuditEvent {
        actor = clip(Objects.requireNonNullElse(actor, "anonymous"), 128);
        action = clip(Objects.requireNonNull(action, "action"), 64);
        target = clip(Objects.requireNonNullElse(target, ""), MAX_FIELD);
        outcome = Objects.requireNonNull(outcome, "outcome");
        details = clip(Objects.requireNonNullElse(details, ""), MAX_DETAILS);
    }

    public static AuditEvent success(String actor, String action, String target, String details) {
        return new AuditEvent(actor, action, target, Outcome.SUCCESS, details);
    }

    public static AuditEvent failure(String actor, String action, String target, String details) {
        return new AuditEvent(actor, action, target, Outcome.FAILURE, details);
    }

    /** Columns are bounded; an over-long value from a hostile caller is cut, never rejected, so the event is kept. */
    private static String clip(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
