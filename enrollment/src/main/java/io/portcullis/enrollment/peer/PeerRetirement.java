package io.portcullis.enrollment.peer;

import io.portcullis.ca.certificate.CertificateReader;
import io.portcullis.ca.certificate.CertificateStatus;
import io.portcullis.ca.certificate.StoredCertificate;
import io.portcullis.ca.revocation.RevocationReason;
import io.portcullis.ca.revocation.RevocationService;
import io.portcullis.enrollment.request.EnrollmentRequest;
import io.portcullis.enrollment.request.EnrollmentRequestRepository;
import io.portcullis.enrollment.request.RequestStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Takes a disabled or deleted peer out of service: revokes its certificates (through
 * ca-service's revocation, which audits and publishes each one), rejects its pending requests
 * and voids its secret.
 */
@ApplicationScoped
public class PeerRetirement {

    private final PeerCertificateRepository peerCertificates;
    private final EnrollmentRequestRepository requests;
    private final CertificateReader certificates;
    private final RevocationService revocation;
    private final Clock clock;

    public PeerRetirement(PeerCertificateRepository peerCertificates, EnrollmentRequestRepository requests,
            CertificateReader certificates, RevocationService revocation, Clock clock) {
        this.peerCertificates = peerCertificates;
        this.requests = requests;
        this.certificates = certificates;
        this.revocation = revocation;
        this.clock = clock;
    }

    /**
     * Runs inside the caller's transaction (the one that changes the peer's status), so a peer is
     * never left disabled with a certificate still valid. Returns how many certificates it revoked.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int retire(Peer peer, RevocationReason reason, String actor) {
        int revoked = 0;
        for (PeerCertificate pc : peerCertificates.ofPeer(peer.id)) {
            Optional<CertificateStatus> status = certificates.find(pc.serialHex).map(StoredCertificate::status);
            if (status.isPresent() && (status.get() == CertificateStatus.VALID || status.get() == CertificateStatus.ON_HOLD)) {
                revocation.revoke(new RevocationService.RevokeRequest(new BigInteger(pc.serialHex, 16), reason, Optional.empty(), actor));
                revoked++;
            }
        }
        Instant now = clock.instant();
        for (EnrollmentRequest pending : requests.pendingOfPeer(peer.id)) {
            pending.status = RequestStatus.REJECTED;
            pending.decidedAt = now;
            pending.decidedBy = actor;
            pending.reason = "peer " + (reason == RevocationReason.CESSATION_OF_OPERATION ? "deleted" : "disabled");
        }
        peer.secretHash = null;
        peer.secretExpiresAt = null;
        peer.secretUsedAt = null;
        peer.updatedAt = now;
        return revoked;
    }
}
