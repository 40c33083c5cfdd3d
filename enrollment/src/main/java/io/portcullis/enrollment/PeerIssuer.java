package io.portcullis.enrollment;

import io.portcullis.ca.authority.CaKeyring;
import io.portcullis.ca.certificate.Serials;
import io.portcullis.ca.config.PortcullisConfig;
import io.portcullis.ca.hierarchy.PkiUrls;
import io.portcullis.ca.issuance.CsrDetails;
import io.portcullis.ca.issuance.IssuancePipeline;
import io.portcullis.ca.issuance.IssueRequest;
import io.portcullis.ca.issuance.IssuedCertificate;
import io.portcullis.ca.issuance.KeyPolicy;
import io.portcullis.ca.profile.ProfileInput;
import io.portcullis.ca.profile.ProfileRegistry;
import io.portcullis.enrollment.peer.Peer;
import io.portcullis.enrollment.peer.PeerCertificate;
import io.portcullis.enrollment.peer.PeerCertificateRepository;
import io.portcullis.enrollment.peer.PeerStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/**
 * Asks ca-service to issue a peer's certificate: the peer's profile, and its registered subnets
 * as RFC 3779 address blocks. Enrollment never signs anything itself.
 */
@ApplicationScoped
public class PeerIssuer {

    private static final ProfileRegistry PROFILES = ProfileRegistry.standard();
    private final KeyPolicy keyPolicy = new KeyPolicy();

    private final IssuancePipeline pipeline;
    private final PeerCertificateRepository peerCertificates;
    private final CaKeyring keyring;
    private final PkiUrls urls;
    private final Clock clock;

    public PeerIssuer(IssuancePipeline pipeline, PeerCertificateRepository peerCertificates, CaKeyring keyring, PortcullisConfig config,
            Clock clock) {
        this.pipeline = pipeline;
        this.peerCertificates = peerCertificates;
        this.keyring = keyring;
        this.urls = PkiUrls.forPublicBase(config.publicUrl(), config.ocspUrl());
        this.clock = clock;
    }

    /** Issues inside the caller's transaction, records the certificate as the peer's and marks the peer enrolled. */
    @Transactional(Transactional.TxType.MANDATORY)
    public IssuedCertificate issue(Peer peer, byte[] csrDer, String requester) {
        IssuedCertificate issued = pipeline.issue(new IssueRequest(Base64.getEncoder().encodeToString(csrDer), peer.profile,
                Optional.empty(), requester, peer.addressBlocks()));
        PeerCertificate record = new PeerCertificate();
        record.serialHex = Serials.toHex(issued.serial());
        record.peerId = peer.id;
        record.issuedAt = clock.instant();
        peerCertificates.persist(record);
        peer.status = PeerStatus.ENROLLED;
        peer.updatedAt = record.issuedAt;
        return issued;
    }

    /**
     * The checks issuance would make (key policy, profile), without issuing: a request that waits
     * for approval is refused now if it could never be issued.
     */
    public void precheck(Peer peer, CsrDetails csr) {
        keyPolicy.check(csr.publicKey());
        PROFILES.get(peer.profile).apply(new ProfileInput(csr, clock.instant(), Optional.empty(), keyring.issuing().certificate(), urls,
                peer.addressBlocks()));
    }
}
