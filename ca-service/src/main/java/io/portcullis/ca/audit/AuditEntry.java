package io.portcullis.ca.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One row of the append-only, hash-chained audit log. Never updated once written. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    public long seq;

    @Embedded
    public AuditFields fields;

    @Column(name = "prev_hash", nullable = false)
    public String prevHash;

    @Column(name = "entry_hash", nullable = false)
    public String entryHash;

    public AuditRecord toRecord() {
        return new AuditRecord(seq, fields.occurredAt, fields.actor, fields.action, fields.target, fields.outcome,
                fields.details, prevHash, entryHash);
    }
}
