package io.portcullis.revocation.ocsp;

import io.portcullis.ca.authority.CaIds;
import io.portcullis.ca.certificate.CertificateStates;
import io.portcullis.ca.certificate.CertificateStatus;
import io.portcullis.ca.certificate.Serials;
import io.portcullis.revocation.crl.ReasonCodes;
import io.portcullis.revocation.crl.RevokedEntry;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Certificate status for OCSP, from the CA's store: one query for all serials of a request,
 * reading only the status columns (not the certificate bytes).
 */
@ApplicationScoped
public class CertStateLookup {

    private final CertificateStates certificates;

    public CertStateLookup(CertificateStates certificates) {
        this.certificates = certificates;
    }

    /** The state of each serial; serials with no row (or a reserved one) are {@link CertState#UNKNOWN}. */
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
        certificates.ofIssuer(CaIds.ISSUING, byHex.keySet()).forEach((hex, stored) -> states.put(byHex.get(hex),
                state(stored.status(), stored.revokedAt(), stored.revocationReason())));
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
