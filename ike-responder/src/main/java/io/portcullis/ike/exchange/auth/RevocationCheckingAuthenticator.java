package io.portcullis.ike.exchange.auth;

import io.portcullis.ike.isakmp.IdentificationPayload;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Decorates a {@link PeerAuthenticator} with a revocation check of every certificate on the
 * validated path below the trust anchor. Runs only after the wrapped authenticator accepted,
 * so no revocation traffic is caused by untrusted certificates.
 */
public final class RevocationCheckingAuthenticator implements PeerAuthenticator {

    private final PeerAuthenticator delegate;
    private final RevocationChecker checker;
    private final boolean refuseUnknown;

    /** @param refuseUnknown hard-fail when no revocation source answers (strongSwan's "strict") */
    public RevocationCheckingAuthenticator(PeerAuthenticator delegate, RevocationChecker checker,
            boolean refuseUnknown) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.checker = Objects.requireNonNull(checker, "checker");
        this.refuseUnknown = refuseUnknown;
    }

    @Override
    public AuthDecision authenticate(List<byte[]> peerCertChainDer, IdentificationPayload peerId, Instant now) {
        AuthDecision decision = delegate.authenticate(peerCertChainDer, peerId, now);
        if (!(decision instanceof AuthDecision.Accepted accepted)) {
            return decision;
        }
        List<X509Certificate> path = accepted.peer().path();
        for (int i = 0; i + 1 < path.size(); i++) {
            RevocationStatus status = checker.check(path.get(i), path.get(i + 1), now);
            if (status == RevocationStatus.REVOKED) {
                return AuthDecision.refused(RefusalReason.REVOKED,
                        "certificate " + path.get(i).getSubjectX500Principal() + " is revoked");
            }
            if (status == RevocationStatus.UNKNOWN && refuseUnknown) {
                return AuthDecision.refused(RefusalReason.REVOCATION_UNKNOWN,
                        "no revocation status for " + path.get(i).getSubjectX500Principal());
            }
        }
        return decision;
    }
}
