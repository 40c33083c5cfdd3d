package io.portcullis.ca.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * Records audit events. An event is written to {@code audit_pending} in the caller's
 * transaction, so it commits or rolls back with the change it describes and no request waits on
 * a global lock; the {@link AuditSequencer} then places committed events on the hash chain.
 * Reading or verifying the log seals pending events first, so readers always see every event.
 */
@ApplicationScoped
public class AuditLog {

    private final EntityManager em;
    private final Clock clock;
    private final AuditSequencer sequencer;

    public AuditLog(EntityManager em, Clock clock, AuditSequencer sequencer) {
        this.em = em;
        this.clock = clock;
        this.sequencer = sequencer;
    }

    /** Records inside the caller's transaction: the event commits or rolls back with the audited change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(AuditEvent event) {
        record(event);
    }

    /**
     * Records in a transaction of its own, for events whose surrounding work is about to fail
     * (a refused login, a rejected CSR) and would otherwise take the event down with it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void appendIndependently(AuditEvent event) {
        record(event);
    }

    private void record(AuditEvent event) {
        AuditPending pending = new AuditPending();
        pending.fields = new AuditFields(AuditHasher.normalise(clock.instant()), event);
        em.persist(pending);
    }

    /** Walks the whole chain (after sealing what is pending) and reports the first break, if any. */
    public AuditChainVerifier verify() {
        sequencer.sealAll();
        return walk();
    }

    @Transactional
    AuditChainVerifier walk() {
        AuditChainVerifier verifier = new AuditChainVerifier();
        final int batch = 500;
        long after = 0;
        while (true) {
            List<AuditEntry> entries = em.createQuery(
                            "from AuditEntry where seq > :after order by seq", AuditEntry.class)
                    .setParameter("after", after)
                    .setMaxResults(batch)
                    .getResultList();
            for (AuditEntry entry : entries) {
                if (!verifier.accept(entry.toRecord())) {
                    return verifier;
                }
                after = entry.seq;
            }
            em.clear();
            if (entries.size() < batch) {
                break;
            }
        }
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID);
        verifier.finish(head.lastSeq, head.lastHash);
        return verifier;
    }
}
