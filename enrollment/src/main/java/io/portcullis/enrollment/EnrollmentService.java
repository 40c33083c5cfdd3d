package io.portcullis.enrollment;

import io.portcullis.ca.audit.AuditEvent;
import io.portcullis.ca.audit.AuditLog;
import io.portcullis.ca.authority.CaKeyring;
import io.portcullis.ca.certificate.CertificateReader;
import io.portcullis.ca.certificate.Serials;
import io.portcullis.ca.certificate.StoredCertificate;
import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.error.ProblemKind;
import io.portcullis.ca.issuance.CsrDetails;
import io.portcullis.ca.issuance.CsrParser;
import io.portcullis.ca.issuance.IssuedCertificate;
import io.portcullis.enrollment.peer.Approval;
import io.portcullis.enrollment.peer.Peer;
import io.portcullis.enrollment.peer.PeerIdentity;
import io.portcullis.enrollment.peer.PeerRepository;
import io.portcullis.enrollment.peer.PeerStatus;
import io.portcullis.enrollment.request.EnrollmentRequest;
import io.portcullis.enrollment.request.EnrollmentRequestRepository;
import io.portcullis.enrollment.request.RequestStatus;
import io.portcullis.enrollment.secret.EnrollmentLimits;
import io.portcullis.enrollment.secret.EnrollmentSecrets;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * Enrollment with a one-time secret, as a straight line: limits → find the peer → (in one
 * transaction, peer row locked) check the secret in constant time → check the peer's state →
 * check identity binding → consume the secret → issue (auto) or queue for approval (manual).
 * A refusal rolls the transaction back, so the secret stays unused; it is then counted against
 * the peer's and the client address's failure limits and audited.
 */
@ApplicationScoped
public class EnrollmentService {

    private final CsrParser csrParser = new CsrParser();

    private final PeerRepository peers;
    private final EnrollmentRequestRepository requests;
    private final CertificateReader certificates;
    private final EnrollmentSecrets secrets;
    private final EnrollmentLimits limits;
    private final PeerIssuer issuer;
    private final CaKeyring keyring;
    private final AuditLog audit;
    private final Clock clock;

    public EnrollmentService(PeerRepository peers, EnrollmentRequestRepository requests, CertificateReader certificates,
            EnrollmentSecrets secrets, EnrollmentLimits limits, PeerIssuer issuer, CaKeyring keyring, AuditLog audit, Clock clock) {
        this.peers = peers;
        this.requests = requests;
        this.certificates = certificates;
        this.secrets = secrets;
        this.limits = limits;
        this.issuer = issuer;
        this.keyring = keyring;
        this.audit = audit;
        this.clock = clock;
    }

    public EnrollmentOutcome enroll(EnrollmentAttempt attempt) {
        limits.checkAddress(attempt.clientAddress());
        CsrDetails csr = csrParser.parseDer(attempt.csrDer());
        try {
            Peer peer = QuarkusTransaction.joiningExisting().call(() -> findPeer(attempt, csr));
            limits.checkPeer(peer.id, peer.name);
            return QuarkusTransaction.joiningExisting().call(() -> enrollLocked(peer.id, attempt, csr));
        } catch (EnrollmentRefusal refusal) {
            limits.recordFailure(refusal.peerId(), attempt.clientAddress());
            audit.appendIndependently(AuditEvent.failure(actor(refusal.peerName(), attempt.clientAddress()), EnrollmentAudit.REFUSED,
                    refusal.peerName() == null ? "(unknown peer)" : refusal.peerName(),
                    attempt.channel().name().toLowerCase() + " from " + attempt.clientAddress() + ": " + refusal.auditReason()));
            throw refusal;
        }
    }

    private Peer findPeer(EnrollmentAttempt attempt, CsrDetails csr) {
        Optional<Peer> peer;
        if (attempt.peerReference().isPresent()) {
            peer = peers.findByReference(attempt.peerReference().get());
        } else {
            List<Peer> matches = PeerIdentity.candidateKeys(csr).stream()
                    .map(peers::findActiveByIdentityKey).flatMap(Optional::stream).distinct().toList();
            peer = matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
        }
        if (peer.isEmpty()) {
            secrets.matches(attempt.secret(), null); // same work as a wrong secret
            throw refused(null, "unknown peer " + attempt.peerReference().orElse("for the identity in the CSR"));
        }
        return peer.get();
    }

    private EnrollmentOutcome enrollLocked(String peerId, EnrollmentAttempt attempt, CsrDetails csr) {
        Peer peer = peers.lock(peerId);
        Optional<EnrollmentOutcome> retransmission = retransmission(peer, attempt, csr);
        if (retransmission.isPresent()) {
            return retransmission.get();
        }
        Instant now = clock.instant();
        if (!secrets.matches(attempt.secret(), peer.secretHash)) {
            throw refused(peer, "wrong or missing secret");
        }
        // From here on the caller holds this peer's secret: precise answers leak nothing.
        if (peer.secretUsedAt != null) {
            throw new EnrollmentRefusal(ProblemKind.FORBIDDEN, "secret-used",
                    "this enrollment secret has already been used; ask an operator for a new one", peer.id, peer.name, "secret already used");
        }
        if (!now.isBefore(peer.secretExpiresAt)) {
            throw new EnrollmentRefusal(ProblemKind.FORBIDDEN, "secret-expired", "this enrollment secret expired at "
                    + peer.secretExpiresAt + "; ask an operator for a new one", peer.id, peer.name, "secret expired");
        }
        if (!peer.isActive()) {
            throw new EnrollmentRefusal(ProblemKind.FORBIDDEN, "peer-inactive", "peer " + peer.name + " is " + peer.status.wireName(),
                    peer.id, peer.name, "peer " + peer.status.wireName());
        }
        Optional<String> mismatch = peer.identity().mismatch(csr);
        if (mismatch.isPresent()) {
            throw new EnrollmentRefusal(ProblemKind.BAD_REQUEST, "identity-mismatch", mismatch.get(), peer.id, peer.name,
                    "identity mismatch: " + mismatch.get());
        }
        peer.secretUsedAt = now;
        peer.updatedAt = now;
        EnrollmentRequest request = newRequest(peer, attempt, csr, now);
        String requester = "peer:" + peer.name;
        if (peer.approval == Approval.AUTO) {
            IssuedCertificate issued = issuer.issue(peer, attempt.csrDer(), requester);
            request.status = RequestStatus.ISSUED;
            request.certificateSerial = Serials.toHex(issued.serial());
            request.decidedAt = now;
            request.decidedBy = "auto";
            requests.persist(request);
            audit.append(AuditEvent.success(requester, EnrollmentAudit.ENROLLED, peer.label(),
                    attempt.channel().name().toLowerCase() + " from " + attempt.clientAddress() + "; serial " + request.certificateSerial));
            return new EnrollmentOutcome(request.id, peer.name, RequestStatus.ISSUED, Optional.of(issued.certificate()), issued.chain(), null);
        }
        try {
            issuer.precheck(peer, csr);
        } catch (EnrollmentRefusal refusal) {
            throw refusal;
        } catch (PortcullisException refused) {
            throw new EnrollmentRefusal(refused.kind(), refused.type(), refused.detail(), peer.id, peer.name,
                    "CSR refused: " + refused.type() + ": " + refused.detail());
        }
        request.status = RequestStatus.PENDING;
        requests.persist(request);
        peer.status = PeerStatus.PENDING;
        audit.append(AuditEvent.success(requester, EnrollmentAudit.PENDING, peer.label(),
                attempt.channel().name().toLowerCase() + " from " + attempt.clientAddress() + "; request " + request.id));
        return new EnrollmentOutcome(request.id, peer.name, RequestStatus.PENDING, Optional.empty(), List.of(), null);
    }

    /** A SCEP client resending the same transaction (same key) gets the transaction's state, not "secret used". */
    private Optional<EnrollmentOutcome> retransmission(Peer peer, EnrollmentAttempt attempt, CsrDetails csr) {
        if (attempt.transactionId().isEmpty()) {
            return Optional.empty();
        }
        Optional<EnrollmentRequest> earlier = requests.byTransaction(attempt.transactionId().get())
                .filter(r -> r.peerId.equals(peer.id));
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        if (!earlier.get().publicKeySha256.equals(publicKeyHash(csr))) {
            throw new EnrollmentRefusal(ProblemKind.BAD_REQUEST, "transaction-reused",
                    "transaction " + attempt.transactionId().get() + " belongs to another key", peer.id, peer.name,
                    "transaction id reused with another key");
        }
        return Optional.of(outcomeOf(earlier.get(), peer.name));
    }

    /** The state of a request, by its id (the REST poll location). */
    public EnrollmentOutcome poll(String requestId) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            EnrollmentRequest request = requestId == null ? null : requests.findById(requestId);
            if (request == null) {
                throw PortcullisException.notFound("enrollment-request-not-found", "no enrollment request " + requestId);
            }
            return outcomeOf(request, peers.findById(request.peerId).name);
        });
    }

    /** The state of a SCEP transaction, if it is known. */
    public Optional<EnrollmentOutcome> byTransaction(String transactionId) {
        return QuarkusTransaction.joiningExisting().call(() -> requests.byTransaction(transactionId)
                .map(r -> outcomeOf(r, peers.findById(r.peerId).name)));
    }

    /** The public-key hash of a request, to tie SCEP polls to the key that made it. */
    public Optional<String> publicKeyHashOf(String requestId) {
        return QuarkusTransaction.joiningExisting().call(() -> Optional.ofNullable(requests.findById(requestId)).map(r -> r.publicKeySha256));
    }

    EnrollmentOutcome outcomeOf(EnrollmentRequest request, String peerName) {
        if (request.status == RequestStatus.ISSUED) {
            StoredCertificate record = certificates.find(request.certificateSerial).orElseThrow(() -> new IllegalStateException(
                    "enrollment request " + request.id + " names certificate " + request.certificateSerial + ", which is not stored"));
            try {
                return new EnrollmentOutcome(request.id, peerName, RequestStatus.ISSUED,
                        Optional.of(new X509CertificateHolder(record.certificateDer())), keyring.chain(), null);
            } catch (IOException e) {
                throw PortcullisException.internal("certificate-unreadable", "stored certificate " + record.serialHex() + " is unreadable", e);
            }
        }
        return new EnrollmentOutcome(request.id, peerName, request.status, Optional.empty(), List.of(), request.reason);
    }

    EnrollmentRequest newRequest(Peer peer, EnrollmentAttempt attempt, CsrDetails csr, Instant now) {
        EnrollmentRequest request = new EnrollmentRequest();
        request.id = UUID.randomUUID().toString();
        request.peerId = peer.id;
        request.channel = attempt.channel();
        request.csrDer = attempt.csrDer();
        request.publicKeySha256 = publicKeyHash(csr);
        request.transactionId = attempt.transactionId().orElse(null);
        request.clientAddress = attempt.clientAddress();
        request.createdAt = now;
        return request;
    }

    public static String publicKeyHash(CsrDetails csr) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(csr.publicKey().getEncoded("DER")));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw PortcullisException.internal("public-key-unreadable", "cannot encode the CSR's public key", e);
        }
    }

    /** Unknown peer and wrong secret look the same to the caller: nobody learns which peers exist. */
    static EnrollmentRefusal refused(Peer peer, String auditReason) {
        return new EnrollmentRefusal(ProblemKind.FORBIDDEN, "enrollment-refused", "unknown peer or wrong enrollment secret",
                peer == null ? null : peer.id, peer == null ? null : peer.name, auditReason);
    }

    static String actor(String peerName, String address) {
        return peerName != null ? "peer:" + peerName : "anonymous@" + address;
    }
}
