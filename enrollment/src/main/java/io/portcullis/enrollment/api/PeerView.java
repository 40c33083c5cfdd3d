package io.portcullis.enrollment.api;

import io.portcullis.enrollment.peer.Peer;
import java.time.Instant;
import java.util.List;

/** A peer as the admin API shows it: never the secret or its hash. */
public record PeerView(String id, String name, Identity identity, List<String> subnets, String profile, String approval, String status,
        Instant secretExpiresAt, boolean secretUsed, List<String> certificates, Instant createdAt, String createdBy) {

    public record Identity(String type, String value) {
    }

    public static PeerView of(Peer peer, List<String> certificateSerials) {
        return new PeerView(peer.id, peer.name, new Identity(peer.identityType.wireName(), peer.identityValue), peer.subnetList(),
                peer.profile, peer.approval.wireName(), peer.status.wireName(), peer.secretExpiresAt, peer.secretUsedAt != null,
                certificateSerials, peer.createdAt, peer.createdBy);
    }
}
