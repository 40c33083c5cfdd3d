package io.portcullis.ca.audit;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** An audit event committed with its change but not yet placed on the hash chain. */
@Entity
@Table(name = "audit_pending")
public class AuditPending {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_pending_seq")
    @SequenceGenerator(name = "audit_pending_seq", sequenceName = "audit_pending_seq", allocationSize = 50)
    public Long id;

    @Embedded
    public AuditFields fields;
}
