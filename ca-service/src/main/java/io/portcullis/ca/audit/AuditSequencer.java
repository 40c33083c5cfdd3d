package io.portcullis.ca.audit;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Moves committed events from {@code audit_pending} onto the hash chain, a batch at a time, under
 * the lock of the single chain-head row: with several server instances sharing the database, one
 * sequencer runs at a time and each entry hashes its true predecessor. Because the head is locked
 * once per batch rather than once per request, issuance never queues on it.
 */
@ApplicationScoped
public class AuditSequencer {

    static final int BATCH = 500;

    private final EntityManager em;

    public AuditSequencer(EntityManager em) {
        this.em = em;
    }

    @Scheduled(every = "${portcullis.audit.seal-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sealPeriodically() {
        sealAll();
    }

    /** Seals every event committed so far; returns how many were sealed. */
    public int sealAll() {
        int total = 0;
        int sealed;
        do {
            sealed = sealBatch();
            total += sealed;
        } while (sealed == BATCH);
        return total;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int sealBatch() {
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
        // Read after taking the lock: a sequencer that waited sees what the previous one removed.
        List<AuditPending> pending = em.createQuery("from AuditPending order by id", AuditPending.class)
                .setMaxResults(BATCH)
                .getResultList();
        for (AuditPending event : pending) {
            AuditEntry entry = new AuditEntry();
            entry.seq = head.lastSeq + 1;
            entry.fields = event.fields.copy();
            entry.prevHash = head.lastHash;
            entry.entryHash = AuditHasher.hashOf(entry.toRecord());
            em.persist(entry);
            em.remove(event);
            head.lastSeq = entry.seq;
            head.lastHash = entry.entryHash;
        }
        return pending.size();
    }
}
