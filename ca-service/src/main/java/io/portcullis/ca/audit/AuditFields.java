package io.portcullis.ca.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** What an audit event says, shared by pending events and sealed chain entries. */
@Embeddable
public class AuditFields {

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String action;

    @Column(nullable = false)
    public String target;

    @Column(nullable = false)
    public String outcome;

    @Column(nullable = false)
    public String details;

    public AuditFields() {
    }

    AuditFields(Instant occurredAt, AuditEvent event) {
        this.occurredAt = occurredAt;
        this.actor = event.actor();
        this.action = event.action();
        this.target = event.target();
        this.outcome = event.outcome().name();
        this.details = event.details();
    }

    /** A copy: an embedded value belongs to exactly one entity. */
    AuditFields copy() {
        AuditFields copy = new AuditFields();
        copy.occurredAt = occurredAt;
        copy.actor = actor;
        copy.action = action;
        copy.target = target;
        copy.outcome = outcome;
        copy.details = details;
        return copy;
    }
}
