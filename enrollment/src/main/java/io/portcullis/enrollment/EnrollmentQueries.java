package io.portcullis.enrollment;

import io.portcullis.ca.paging.Page;
import io.portcullis.ca.paging.PageRequest;
import io.portcullis.enrollment.peer.Peer;
import io.portcullis.enrollment.peer.PeerRepository;
import io.portcullis.enrollment.request.EnrollmentRequestRepository;
import io.portcullis.enrollment.request.RequestStatus;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Paged reads of the peer registry and of enrollment requests, for listings (admin UI). */
@ApplicationScoped
public class EnrollmentQueries {

    private final PeerRepository peers;
    private final EnrollmentRequestRepository requests;

    public EnrollmentQueries(PeerRepository peers, EnrollmentRequestRepository requests) {
        this.peers = peers;
        this.requests = requests;
    }

    /** Peers by name; deleted ones ({@code revoked}) only when asked for, since their rows stay for the record. */
    @Transactional
    public Page<Peer> peers(boolean includeDeleted, PageRequest page) {
        var query = includeDeleted
                ? peers.findAll(Sort.by("name").and("createdAt"))
                : peers.find("status <> ?1", Sort.by("name").and("createdAt"), io.portcullis.enrollment.peer.PeerStatus.REVOKED);
        return new Page<>(query.page(page.page(), page.size()).list(), page.page(), page.size(), query.count());
    }

    /** Requests with their peers, oldest pending first; newest first when no status is given. */
    @Transactional
    public Page<ApprovalService.RequestWithPeer> requests(Optional<RequestStatus> status, PageRequest page) {
        var query = status.isPresent()
                ? requests.find("status = ?1", Sort.by("createdAt"), status.get())
                : requests.findAll(Sort.by("createdAt", Sort.Direction.Descending));
        var items = query.page(page.page(), page.size()).list().stream()
                .map(r -> new ApprovalService.RequestWithPeer(r, peers.findById(r.peerId))).toList();
        return new Page<>(items, page.page(), page.size(), query.count());
    }

    @Transactional
    public long pendingRequests() {
        return requests.count("status", RequestStatus.PENDING);
    }
}
