package io.portcullis.enrollment.peer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A certificate issued to a peer (so deleting or disabling the peer can revoke them all, and renewal can find the peer). */
@Entity
@Table(name = "peer_certificate")
public class PeerCertificate {

    @Id
    @Column(name = "serial_hex")
    public String serialHex;

    @Column(name = "peer_id", nullable = false)
    public String peerId;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;
}
