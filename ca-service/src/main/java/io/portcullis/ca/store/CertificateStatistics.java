package io.portcullis.ca.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Counts of issued certificates by status, for dashboards. Each count is one aggregate query over
 * the {@code (status, not_after)} index, so it stays cheap with many certificates.
 */
@ApplicationScoped
public class CertificateStatistics {

    private final EntityManager em;

    public CertificateStatistics(EntityManager em) {
        this.em = em;
    }

    /** {@code expiringSoon}: valid now and expiring before {@code soon}. */
    public record Counts(long valid, long expired, long onHold, long revoked, long expiringSoon) {

        public long total() {
            return valid + expired + onHold + revoked;
        }
    }

    @Transactional
    public Counts counts(Instant now, Instant soon) {
        long valid = 0;
        long expired = 0;
        long onHold = 0;
        long revoked = 0;
        List<Object[]> rows = em.createQuery("select c.status, case when c.notAfter > :now then true else false end, count(c)"
                + " from CertificateRecord c where c.status <> :reserved group by c.status,"
                + " case when c.notAfter > :now then true else false end", Object[].class)
                .setParameter("now", now)
                .setParameter("reserved", CertificateStatus.RESERVED)
                .getResultList();
        for (Object[] row : rows) {
            CertificateStatus status = (CertificateStatus) row[0];
            boolean current = (Boolean) row[1];
            long n = ((Number) row[2]).longValue();
            switch (status) {
                case VALID -> {
                    if (current) {
                        valid += n;
                    } else {
                        expired += n;
                    }
                }
                case ON_HOLD -> onHold += n;
                case REVOKED -> revoked += n;
                case RESERVED -> { }
            }
        }
        long expiringSoon = em.createQuery("select count(c) from CertificateRecord c where c.status = :valid"
                + " and c.notAfter > :now and c.notAfter <= :soon", Long.class)
                .setParameter("valid", CertificateStatus.VALID)
                .setParameter("now", now)
                .setParameter("soon", soon)
                .getSingleResult();
        return new Counts(valid, expired, onHold, revoked, expiringSoon);
    }
}
