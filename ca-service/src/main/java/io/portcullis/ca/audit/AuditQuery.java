package io.portcullis.ca.audit;

import io.portcullis.ca.paging.Page;
import io.portcullis.ca.paging.PageRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Paged, filtered reading of the audit log, newest first. */
@ApplicationScoped
public class AuditQuery {

    private final EntityManager em;
    private final AuditSequencer sequencer;

    public AuditQuery(EntityManager em, AuditSequencer sequencer) {
        this.em = em;
        this.sequencer = sequencer;
    }

    public record Filter(Optional<String> action, Optional<String> actor, Optional<String> text) {
    }

    /** Seals pending events first, so a reader sees every committed event. */
    public Page<AuditRecord> find(Filter filter, PageRequest page) {
        sequencer.sealAll();
        return QuarkusTransaction.joiningExisting().call(() -> query(filter, page));
    }

    private Page<AuditRecord> query(Filter filter, PageRequest page) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        filter.action().ifPresent(a -> {
            where.append(" and e.fields.action = :action");
            params.put("action", a);
        });
        filter.actor().ifPresent(a -> {
            where.append(" and e.fields.actor = :actor");
            params.put("actor", a);
        });
        filter.text().ifPresent(t -> {
            where.append(" and (lower(e.fields.target) like :text escape '\\' or lower(e.fields.details) like :text escape '\\')");
            params.put("text", "%" + PageRequest.escapeLike(t.toLowerCase()) + "%");
        });
        TypedQuery<AuditEntry> query = em.createQuery("select e from AuditEntry e" + where + " order by e.seq desc", AuditEntry.class);
        TypedQuery<Long> count = em.createQuery("select count(e) from AuditEntry e" + where, Long.class);
        params.forEach((k, v) -> {
            query.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<AuditRecord> items = query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList()
                .stream().map(AuditEntry::toRecord).toList();
        return new Page<>(items, page.page(), page.size(), count.getSingleResult());
    }
}
