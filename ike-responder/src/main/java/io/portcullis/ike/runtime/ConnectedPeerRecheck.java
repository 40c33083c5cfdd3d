package io.portcullis.ike.runtime;

import io.portcullis.ike.exchange.auth.AuthenticatedPeer;
import io.portcullis.ike.exchange.auth.RevocationChecker;
import io.portcullis.ike.exchange.auth.RevocationStatus;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.jboss.logging.Logger;

/**
 * DESIGN.md data flow 2 for a gateway deployed apart from the CA, which never sees its revocation events:
 * every interval, the certificate of each connected peer is checked again (fresh OCSP, CRL fallback), and
 * the tunnels of a peer found REVOKED are deleted with DELETE notifies (its next attempt is refused by the
 * same check in Main Mode). An UNKNOWN answer (responder unreachable) leaves established tunnels up: a
 * CA outage must not cut every branch off; new attempts are still refused in strict mode.
 */
public final class ConnectedPeerRecheck implements Runnable {
    private static final Logger LOG = Logger.getLogger(ConnectedPeerRecheck.class);

    private final Supplier<List<AuthenticatedPeer>> connected;
    private final RevocationChecker checker;
    private final ToIntFunction<Predicate<AuthenticatedPeer>> deletePeer;
    private final Clock clock;

    /**
     * @param checker a check that does not answer from a cache (e.g. {@code LiveRevocationChecker::recheck})
     * @param deletePeer deletes every IKE SA of the matching peers, returning how many went
     */
    public ConnectedPeerRecheck(Supplier<List<AuthenticatedPeer>> connected, RevocationChecker checker,
            ToIntFunction<Predicate<AuthenticatedPeer>> deletePeer, Clock clock) {
        this.connected = connected;
        this.checker = checker;
        this.deletePeer = deletePeer;
        this.clock = clock;
    }

    @Override
    public void run() {
        try {
            recheckAll();
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again; the next interval must still come.
            LOG.errorf(e, "ike: revocation re-check of connected peers failed");
        }
    }

    /** One round; returns how many IKE SAs were deleted. */
    public int recheckAll() {
        // One check per certificate, however many IKE SAs it authenticated.
        Map<String, List<X509Certificate>> paths = new LinkedHashMap<>();
        for (AuthenticatedPeer peer : connected.get()) {
            List<X509Certificate> path = peer.path();
            if (path.size() >= 2) {
                paths.putIfAbsent(key(path.get(0)), path);
            }
        }
        int deleted = 0;
        for (List<X509Certificate> path : paths.values()) {
            X509Certificate certificate = path.get(0);
            RevocationStatus status = checker.check(certificate, path.get(1), clock.instant());
            if (status == RevocationStatus.REVOKED) {
                BigInteger serial = certificate.getSerialNumber();
                String issuer = certificate.getIssuerX500Principal().getName();
                int n = deletePeer.applyAsInt(peer -> peer.certificate()
                        .filter(c -> c.getSerialNumber().equals(serial) && c.getIssuerX500Principal().getName().equals(issuer))
                        .isPresent());
                LOG.infof("ike: re-check found certificate %s of %s revoked: deleted %d IKE SA(s)", serial.toString(16),
                        certificate.getSubjectX500Principal().getName(), n);
                deleted += n;
            } else if (status == RevocationStatus.UNKNOWN) {
                LOG.warnf("ike: re-check of %s got no revocation answer; its tunnels stay up",
                        certificate.getSubjectX500Principal().getName());
            }
        }
        return deleted;
    }

    private static String key(X509Certificate certificate) {
        return certificate.getSerialNumber().toString(16) + "|" + certificate.getIssuerX500Principal().getName();
    }
}
