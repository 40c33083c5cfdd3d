package io.portcullis.ca.store;

import io.portcullis.ca.certificate.CertificateStates;
import io.portcullis.ca.certificate.CertificateStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** One indexed query for all serials of a request, selecting only the status columns (not the certificate bytes). */
@ApplicationScoped
public class JpaCertificateStates implements CertificateStates {

    private final EntityManager em;

    public JpaCertificateStates(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    public Map<String, State> ofIssuer(String issuerId, Collection<String> serialHexes) {
        Map<String, State> states = new HashMap<>();
        if (serialHexes.isEmpty()) {
            return states;
        }
        for (Object[] row : em.createQuery("select c.serialHex, c.status, c.revokedAt, c.revocationReason from CertificateRecord c"
                        + " where c.serialHex in :serials and c.issuerId = :issuer", Object[].class)
                .setParameter("serials", serialHexes)
                .setParameter("issuer", issuerId)
                .getResultList()) {
            states.put((String) row[0], new State((CertificateStatus) row[1], (Instant) row[2], (String) row[3]));
        }
        return states;
    }
}
