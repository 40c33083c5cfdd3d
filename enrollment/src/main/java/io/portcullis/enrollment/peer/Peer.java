package io.portcullis.enrollment.peer;

import io.portcullis.ca.profile.IpAddressBlocks;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A registered VPN gateway. The enrollment secret is kept only as its keyed hash. */
@Entity
@Table(name = "peer")
public class Peer {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(name = "active_name")
    public String activeName;

    @Enumerated(EnumType.STRING)
    @Column(name = "identity_type", nullable = false)
    public IdentityType identityType;

    @Column(name = "identity_value", nullable = false)
    public String identityValue;

    @Column(name = "active_identity")
    public String activeIdentity;

    @Column(nullable = false)
    public String subnets;

    @Column(nullable = false)
    public String profile;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Approval approval;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PeerStatus status;

    @Column(name = "secret_hash")
    public String secretHash;

    @Column(name = "secret_expires_at")
    public Instant secretExpiresAt;

    @Column(name = "secret_used_at")
    public Instant secretUsedAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public PeerIdentity identity() {
        return new PeerIdentity(identityType, identityValue);
    }

    public List<String> subnetList() {
        return subnets.isBlank() ? List.of() : Arrays.asList(subnets.split(" "));
    }

    public Optional<IpAddressBlocks> addressBlocks() {
        List<String> list = subnetList();
        return list.isEmpty() ? Optional.empty() : Optional.of(IpAddressBlocks.parse(list));
    }

    public boolean isActive() {
        return status != PeerStatus.REVOKED && status != PeerStatus.DISABLED;
    }

    /** For audit lines and problem details: never the secret. */
    public String label() {
        return name + " (" + id + ")";
    }
}
