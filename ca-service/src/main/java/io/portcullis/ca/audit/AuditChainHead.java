package io.portcullis.ca.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The single row naming the newest audit entry; locked by every appender. */
@Entity
@Table(name = "audit_chain_head")
public class AuditChainHead {

    static final int ID = 1;

    @Id
    public int id;

    @Column(name = "last_seq", nullable = false)
    public long lastSeq;

    @Column(name = "last_hash", nullable = false)
    public String lastHash;
}
