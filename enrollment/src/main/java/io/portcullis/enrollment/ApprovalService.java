package io.portcullis.enrollment;

import io.portcullis.ca.audit.AuditEvent;
import io.portcullis.ca.audit.AuditLog;
import io.portcullis.ca.certificate.Serials;
import io.portcullis.ca.error.PortcullisException;
import io.portcullis.ca.issuance.IssuedCertificate;
import io.portcullis.enrollment.peer.Peer;
import io.portcullis.enrollment.peer.PeerRepository;
import io.portcullis.enrollment.peer.PeerStatus;
import io.portcullis.enrollment.request.EnrollmentRequest;
import io.portcullis.enrollment.request.EnrollmentRequestRepository;
import io.portcullis.enrollment.request.RequestStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Operators approve or reject enrollments of peers registered with manual approval. */
@ApplicationScoped
public class ApprovalService {

    private final EnrollmentRequestRepository requests;
    private final PeerRepository peers;
    private final PeerIssuer issuer;
    private final AuditLog audit;
    private final Clock clock;

    public ApprovalService(EnrollmentRequestRepository requests, PeerRepository peers, PeerIssuer issuer, AuditLog audit, Clock clock) {
        this.requests = requests;
        this.peers = peers;
        this.issuer = issuer;
        this.audit = audit;
        this.clock = clock;
    }

    public record RequestWithPeer(EnrollmentRequest request, Peer peer) {
    }

    @Transactional
    public List<RequestWithPeer> list(Optional<RequestStatus> status, int limit) {
        return requests.withStatus(status, limit).stream().map(r -> new RequestWithPeer(r, peers.findById(r.peerId))).toList();
    }

    @Transactional
    public RequestWithPeer get(String id) {
        EnrollmentRequest request = find(id);
        return new RequestWithPeer(request, peers.findById(request.peerId));
    }

    @Transactional
    public RequestWithPeer approve(String id, String actor) {
        EnrollmentRequest request = pending(id);
        Peer peer = peers.lock(request.peerId);
        if (!peer.isActive()) {
            throw PortcullisException.conflict("peer-inactive", "peer " + peer.name + " is " + peer.status.wireName());
        }
        IssuedCertificate issued = issuer.issue(peer, request.csrDer, "peer:" + peer.name + " approved by " + actor);
        Instant now = clock.instant();
        request.status = RequestStatus.ISSUED;
        request.certificateSerial = Serials.toHex(issued.serial());
        request.decidedAt = now;
        request.decidedBy = actor;
        audit.append(AuditEvent.success(actor, EnrollmentAudit.APPROVED, peer.label(),
                "request " + request.id + "; serial " + request.certificateSerial));
        return new RequestWithPeer(request, peer);
    }

    @Transactional
    public RequestWithPeer reject(String id, String reason, String actor) {
        EnrollmentRequest request = pending(id);
        Peer peer = peers.lock(request.peerId);
        Instant now = clock.instant();
        request.status = RequestStatus.REJECTED;
        request.decidedAt = now;
        request.decidedBy = actor;
        request.reason = reason == null || reason.isBlank() ? "rejected by an operator" : clip(reason.strip());
        if (peer.status == PeerStatus.PENDING) {
            peer.status = PeerStatus.REGISTERED;
            peer.updatedAt = now;
        }
        audit.append(AuditEvent.success(actor, EnrollmentAudit.REJECTED, peer.label(), "request " + request.id + "; " + request.reason));
        return new RequestWithPeer(request, peer);
    }

    private EnrollmentRequest pending(String id) {
        find(id);
        EnrollmentRequest request = requests.lock(id);
        if (request.status != RequestStatus.PENDING) {
            throw PortcullisException.conflict("request-decided", "enrollment request " + id + " is already " + request.status.wireName());
        }
        return request;
    }

    private EnrollmentRequest find(String id) {
        EnrollmentRequest request = id == null ? null : requests.findById(id);
        if (request == null) {
            throw PortcullisException.notFound("enrollment-request-not-found", "no enrollment request " + id);
        }
        return request;
    }

    private static String clip(String text) {
        return text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }
}
