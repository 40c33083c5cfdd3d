package io.portcullis.enrollment;

import io.portcullis.ca.authority.CaKeyring;
import io.portcullis.ca.certificate.CertificateReader;
import io.portcullis.ca.certificate.CertificateStatus;
import io.portcullis.ca.certificate.Serials;
import io.portcullis.ca.certificate.StoredCertificate;
import io.portcullis.ca.error.ProblemKind;
import io.portcullis.ca.keys.BcProvider;
import io.portcullis.enrollment.peer.Peer;
import io.portcullis.enrollment.peer.PeerCertificate;
import io.portcullis.enrollment.peer.PeerCertificateRepository;
import io.portcullis.enrollment.peer.PeerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Whether a certificate presented for renewal may be renewed: issued by this CA, issued to an
 * enrolled peer, neither revoked, on hold nor expired, and held by an active peer.
 */
@ApplicationScoped
public class RenewableCertificates {

    private final CaKeyring keyring;
    private final PeerCertificateRepository peerCertificates;
    private final PeerRepository peers;
    private final CertificateReader certificates;
    private final Clock clock;

    public RenewableCertificates(CaKeyring keyring, PeerCertificateRepository peerCertificates, PeerRepository peers,
            CertificateReader certificates, Clock clock) {
        this.keyring = keyring;
        this.peerCertificates = peerCertificates;
        this.peers = peers;
        this.certificates = certificates;
        this.clock = clock;
    }

    /**
     * The peer holding {@code current}, locked for the rest of the caller's transaction so that
     * two renewals of one peer run one after the other; refuses a certificate that may not be renewed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Peer lockOwner(X509CertificateHolder current) {
        if (!issuedByUs(current)) {
            throw refusal(null, "certificate-unknown", "the current certificate was not issued by this CA", "certificate not ours");
        }
        String serial = Serials.toHex(current.getSerialNumber());
        PeerCertificate owned = peerCertificates.findById(serial);
        if (owned == null) {
            throw refusal(null, "certificate-unknown", "certificate " + serial + " was not issued to an enrolled peer", "certificate of no peer");
        }
        Peer peer = peers.lock(owned.peerId);
        StoredCertificate record = certificates.find(serial).orElseThrow(() -> new IllegalStateException(
                "certificate " + serial + " of peer " + owned.peerId + " is not stored"));
        Instant now = clock.instant();
        if (record.status() != CertificateStatus.VALID) {
            throw refusal(peer, "certificate-revoked", "certificate " + serial + " is " + record.status().name().toLowerCase()
                    + "; enroll again with a new secret", "current certificate " + record.status().name().toLowerCase());
        }
        if (!now.isBefore(record.notAfter())) {
            throw refusal(peer, "certificate-expired", "certificate " + serial + " expired at " + record.notAfter()
                    + "; enroll again with a new secret", "current certificate expired");
        }
        if (!peer.isActive()) {
            throw refusal(peer, "peer-inactive", "peer " + peer.name + " is " + peer.status.wireName(), "peer " + peer.status.wireName());
        }
        return peer;
    }

    private boolean issuedByUs(X509CertificateHolder current) {
        try {
            return current.getIssuer().equals(keyring.issuing().certificate().getSubject())
                    && current.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(BcProvider.INSTANCE)
                            .build(keyring.issuing().certificate()));
        } catch (Exception e) {
            return false;
        }
    }

    private static EnrollmentRefusal refusal(Peer peer, String type, String detail, String auditReason) {
        return new EnrollmentRefusal(ProblemKind.FORBIDDEN, type, detail, peer == null ? null : peer.id, peer == null ? null : peer.name,
                auditReason);
    }
}
