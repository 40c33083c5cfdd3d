package io.portcullis.ca.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * Appends to the hash chain. The chain head row is locked for the rest of the caller's
 * transaction, so appends from concurrent requests (or server instances) are serialised and
 * every entry hashes its real predecessor. Callers append last in their unit of work to keep that
 * lock short.
 */
@ApplicationScoped
public class AuditLog {

    private final EntityManager em;
    private final Clock clock;

    public AuditLog(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Appends inside the caller's transaction: the entry commits or rolls back with the audited change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditRecord append(AuditEvent event) {
        return doAppend(event);
    }

    /**
     * Appends in a transaction of its own, for events whose surrounding work is about to fail
     * (a refused login, a rejected CSR) and would otherwise take the entry down with it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public AuditRecord appendIndependently(AuditEvent event) {
        return doAppend(event);
    }

    private AuditRecord doAppend(AuditEvent event) {
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
        AuditEntry entry = new AuditEntry();
        entry.seq = head.lastSeq + 1;
        entry.occurredAt = AuditHasher.normalise(clock.instant());
        entry.actor = event.actor();
        entry.action = event.action();
        entry.target = event.target();
        entry.outcome = event.outcome().name();
        entry.details = event.details();
        entry.prevHash = head.lastHash;
        entry.entryHash = AuditHasher.hashOf(entry.toRecord());
        em.persist(entry);
        head.lastSeq = entry.seq;
        head.lastHash = entry.entryHash;
        return entry.toRecord();
    }

    @Transactional
    public AuditChainVerifier verify() {
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
