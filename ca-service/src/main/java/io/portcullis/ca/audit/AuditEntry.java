package io.portcullis.ca.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One row of the append-only, hash-chained audit log. Never updated once written. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    public long seq;

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

    @Column(name = "prev_hash", nullable = false)
    public String prevHash;

    @Column(name = "entry_hash", nullable = false)
    public String entryHash;

    public AuditRecord toRecord() {
        return new AuditRecord(seq, occurredAt, actor, action, target, outcome, details, prevHash, entryHash);
    }
}
