package io.portcullis.revocation.ocsp;

import io.portcullis.ca.authority.CaIds;
import io.portcullis.ca.certificate.CertificateStatus;
import io.portcullis.ca.certificate.Serials;
import io.portcullis.revocation.crl.ReasonCodes;
import io.portcullis.revocation.crl.RevokedEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads certificate status for OCSP straight from the certificate table: one indexed query for
 * all serials of a request, selecting only the status columns (not the certificate bytes).
 */
@ApplicationScoped
public class CertStateLookup {

    private final EntityManager em;

    public CertStateLookup(EntityManager em) {
        this.em = em;
    }

    /** The state of each serial; serials with no row (or a reserved one) are {@link CertState#UNKNOWN}. */
    @Transactional
    public Map<BigInteger, CertState> states(Collection<BigInteger> serials) {
        Map<String, BigInteger> byHex = new HashMap<>();
        for (BigInteger serial : serials) {
            if (serial.signum() > 0 && serial.bitLength() <= 160) {
                byHex.put(Serials.toHex(serial), serial);
            }
        }
        Map<BigInteger, CertState> states = new HashMap<>();
        for (BigInteger serial : serials) {
            states.put(serial, CertState.UNKNOWN);
        }
        if (byHex.isEmpty()) {
            return states;
        }
        List<Object[]> rows = em.createQuery("select c.serialHex, c.status, c.revokedAt, c.revocationReason from CertificateRecord c"
                        + " where c.serialHex in :serials and c.issuerId = :issuer", Object[].class)
                .setParameter("serials", byHex.keySet())
                .setParameter("issuer", CaIds.ISSUING)
                .getResultList();
        for (Object[] row : rows) {
            states.put(byHex.get((String) row[0]), state((CertificateStatus) row[1], (Instant) row[2], (String) row[3]));
        }
        return states;
    }

    static CertState state(CertificateStatus status, Instant revokedAt, String reason) {
        return switch (status) {
            case VALID -> CertState.GOOD;
            case ON_HOLD -> new CertState.Revoked(revokedAt, RevokedEntry.CERTIFICATE_HOLD);
            case REVOKED -> new CertState.Revoked(revokedAt, ReasonCodes.codeOf(reason));
            case RESERVED -> CertState.UNKNOWN;
        };
    }
}
