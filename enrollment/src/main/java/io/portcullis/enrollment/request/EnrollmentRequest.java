package io.portcullis.enrollment.request;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One enrollment (first enrollment or renewal): pending approval, issued, or rejected. */
@Entity
@Table(name = "enrollment_request")
public class EnrollmentRequest {

    @Id
    public String id;

    @Column(name = "peer_id", nullable = false)
    public String peerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RequestStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(name = "csr_der", nullable = false)
    public byte[] csrDer;

    @Column(name = "public_key_sha256", nullable = false)
    public String publicKeySha256;

    @Column(name = "transaction_id")
    public String transactionId;

    @Column(name = "client_address")
    public String clientAddress;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column
    public String reason;

    @Column(name = "certificate_serial")
    public String certificateSerial;
}
