package io.portcullis.enrollment.request;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class EnrollmentRequestRepository implements PanacheRepositoryBase<EnrollmentRequest, String> {

    public List<EnrollmentRequest> withStatus(Optional<RequestStatus> status, int limit) {
        return (status.isPresent() ? find("status = ?1 order by createdAt", status.get()) : find("order by createdAt desc"))
                .range(0, limit - 1).list();
    }

    public List<EnrollmentRequest> pendingOfPeer(String peerId) {
        return find("peerId = ?1 and status = ?2", peerId, RequestStatus.PENDING).list();
    }

    /** The newest request of a SCEP transaction (RFC 8894 transactionID). */
    public Optional<EnrollmentRequest> byTransaction(String transactionId) {
        return find("transactionId = ?1 order by createdAt desc", transactionId).firstResultOptional();
    }

    public EnrollmentRequest lock(String id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
