package io.portcullis.server.ike;

import io.portcullis.ca.revocation.CertificateRevoked;
import io.portcullis.ike.runtime.IkeGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import org.jboss.logging.Logger;

/**
 * DESIGN.md data flow 2 in process: when the CA revokes (or holds) a certificate, every IKE SA
 * authenticated with it is deleted with DELETE notifies, and cached OCSP answers for it are
 * dropped so the peer's next attempt is checked afresh. Only after the revocation committed.
 */
@ApplicationScoped
public class IkeRevocationObserver {

    private static final Logger LOG = Logger.getLogger(IkeRevocationObserver.class);

    private final IkeGateway gateway;
    private final IkeStartup startup;

    public IkeRevocationObserver(IkeGateway gateway, IkeStartup startup) {
        this.gateway = gateway;
        this.startup = startup;
    }

    void onRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) CertificateRevoked revoked) {
        BigInteger serial = revoked.serial();
        startup.revocationChecker().ifPresent(checker -> checker.forget(serial));
        int deleted = gateway.deletePeer(peer -> peer.certificate().map(X509Certificate::getSerialNumber)
                .filter(serial::equals).isPresent());
        if (deleted > 0) {
            LOG.infof("ike: certificate %s revoked (%s): deleted %d IKE SA(s) of its holder", serial.toString(16),
                    revoked.reason(), deleted);
        }
    }
}
