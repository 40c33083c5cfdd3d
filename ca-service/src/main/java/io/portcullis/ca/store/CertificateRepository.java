package io.portcullis.ca.store;

import io.portcullis.ca.certificate.CertificateSearch;
import io.portcullis.ca.certificate.CertificateStatus;
import io.portcullis.ca.paging.Page;
import io.portcullis.ca.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Queries over issued certificates. Reserved rows (mid-issuance) are never returned. */
@ApplicationScoped
public class CertificateRepository implements PanacheRepositoryBase<CertificateRecord, String> {

    public Page<CertificateRecord> search(CertificateSearch search, PageRequest page, Instant now) {
        StringBuilder where = new StringBuilder(" where c.status <> :reserved");
        Map<String, Object> params = new HashMap<>();
        params.put("reserved", CertificateStatus.RESERVED);
        search.status().ifPresent(status -> {
            switch (status) {
                case VALID -> {
                    where.append(" and c.status = :status and c.notAfter > :now");
                    params.put("status", CertificateStatus.VALID);
                    params.put("now", now);
                }
                case EXPIRED -> {
                    where.append(" and c.status = :status and c.notAfter <= :now");
                    params.put("status", CertificateStatus.VALID);
                    params.put("now", now);
                }
                case REVOKED -> {
                    where.append(" and c.status = :status");
                    params.put("status", CertificateStatus.REVOKED);
                }
                case ON_HOLD -> {
                    where.append(" and c.status = :status");
                    params.put("status", CertificateStatus.ON_HOLD);
                }
            }
        });
        search.text().ifPresent(text -> {
            where.append(" and (c.serialHex like :text escape '\\' or lower(c.subjectDn) like :text escape '\\'"
                    + " or lower(c.sanText) like :text escape '\\')");
            params.put("text", "%" + PageRequest.escapeLike(text.toLowerCase()) + "%");
        });
        search.expiringBefore().ifPresent(before -> {
            where.append(" and c.notAfter < :before");
            params.put("before", before);
        });
        TypedQuery<CertificateRecord> query = getEntityManager().createQuery(
                "select c from CertificateRecord c" + where + " order by c.issuedAt desc, c.serialHex", CertificateRecord.class);
        TypedQuery<Long> count = getEntityManager().createQuery(
                "select count(c) from CertificateRecord c" + where, Long.class);
        params.forEach((k, v) -> {
            query.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<CertificateRecord> items = query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        // A short page is the last one, so it already tells the total: a selective text search
        // (a LIKE over every row) then scans the table once instead of twice.
        boolean lastPage = items.size() < page.size() && (!items.isEmpty() || page.offset() == 0);
        long total = lastPage ? (long) page.offset() + items.size() : count.getSingleResult();
        return new Page<>(items, page.page(), page.size(), total);
    }
}
