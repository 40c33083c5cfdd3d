package io.portcullis.ca.store;

import io.portcullis.ca.certificate.CertificateStatistics;
import io.portcullis.ca.certificate.CertificateStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Each count is one aggregate query over the {@code (status, not_after)} index, so it stays cheap
 * with many certificates.
 */
@ApplicationScoped
public class JpaCertificateStatistics implements CertificateStatistics {

    private final EntityManager em;

    public JpaCertificateStatistics(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    public Counts counts(Instant now, Instant soon) {
        long validStored = 0;
        long onHold = 0;
        long revoked = 0;
        // Plain GROUP BY status: PostgreSQL refuses grouping by an expression with a bind parameter.
        for (Object[] row : em.createQuery("select c.status, count(c) from CertificateRecord c where c.status <> :reserved"
                + " group by c.status", Object[].class).setParameter("reserved", CertificateStatus.RESERVED).getResultList()) {
            long n = ((Number) row[1]).longValue();
            switch ((CertificateStatus) row[0]) {
                case VALID -> validStored = n;
                case ON_HOLD -> onHold = n;
                case REVOKED -> revoked = n;
                case RESERVED -> { }
            }
        }
        long expired = em.createQuery("select count(c) from CertificateRecord c where c.status = :valid and c.notAfter <= :now", Long.class)
                .setParameter("valid", CertificateStatus.VALID)
                .setParameter("now", now)
                .getSingleResult();
        long expiringSoon = em.createQuery("select count(c) from CertificateRecord c where c.status = :valid"
                + " and c.notAfter > :now and c.notAfter <= :soon", Long.class)
                .setParameter("valid", CertificateStatus.VALID)
                .setParameter("now", now)
                .setParameter("soon", soon)
                .getSingleResult();
        return new Counts(validStored - expired, expired, onHold, revoked, expiringSoon);
    }
}
