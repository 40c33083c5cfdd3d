package io.portcullis.ike.exchange.auth;

import io.portcullis.ike.esp.IpPrefix;
import io.portcullis.ike.isakmp.IdType;
import io.portcullis.ike.isakmp.IdentificationPayload;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Lets a peer whose certificate delegates no subnets (no RFC 3779 extension) tunnel the one
 * address it authenticated as: when its Phase 1 ID is an IPV4_ADDR or IPV6_ADDR, the wrapped
 * authenticator has already checked that the certificate's iPAddress SAN carries it (RFC 4945
 * §3.1), so the CA did certify that the peer holds that address. A certificate with an RFC 3779
 * extension is left as it is: its explicit delegation wins, even when empty.
 */
public final class AddressIdDelegation implements PeerAuthenticator {

    private final PeerAuthenticator delegate;

    public AddressIdDelegation(PeerAuthenticator delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public AuthDecision authenticate(List<byte[]> peerCertChainDer, IdentificationPayload peerId, Instant now) {
        AuthDecision decision = delegate.authenticate(peerCertChainDer, peerId, now);
        if (!(decision instanceof AuthDecision.Accepted accepted)) {
            return decision;
        }
        AuthenticatedPeer peer = accepted.peer();
        boolean hasRfc3779 = peer.certificate().map(c -> c.getExtensionValue(IpAddressDelegation.OID) != null).orElse(true);
        IdType type = peerId.idType();
        if (hasRfc3779 || !(type.equals(IdType.IPV4_ADDR) || type.equals(IdType.IPV6_ADDR))) {
            return decision;
        }
        return new AuthDecision.Accepted(new AuthenticatedPeer(peer.identity(),
                List.of(IpPrefix.host(peerId.firstAddress())), peer.publicKey(), peer.path()));
    }
}
