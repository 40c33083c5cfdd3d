package io.portcullis.server;

import io.portcullis.ca.authority.CaIds;
import io.portcullis.enrollment.scep.CrlSource;
import io.portcullis.revocation.crl.CrlDistribution;
import io.portcullis.revocation.crl.CrlKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Hands SCEP GetCRL the issuing CA's current full CRL. Enrollment and crl-ocsp do not know each
 * other (both build only on ca-service), so the server, which has both, connects them here.
 */
@ApplicationScoped
public class ScepCrlSource implements CrlSource {

    private final CrlDistribution crls;

    public ScepCrlSource(CrlDistribution crls) {
        this.crls = crls;
    }

    @Override
    public Optional<byte[]> currentCrl() {
        return Optional.of(crls.current(CaIds.ISSUING, CrlKind.FULL).der());
    }
}
