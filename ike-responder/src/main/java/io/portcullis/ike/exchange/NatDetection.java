package io.portcullis.ike.exchange;

import io.portcullis.ike.crypto.PrfAlgorithm;
import io.portcullis.ike.isakmp.NatDiscoveryPayload;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.util.List;

/**
 * RFC 3947 §3.2 NAT discovery: HASH = hash(CKY-I | CKY-R | IP | Port) with the negotiated hash.
 * The first NAT-D payload a side sends describes the other end (the destination it sent to),
 * the following ones its own addresses.
 */
final class NatDetection {

    private NatDetection() {
    }

    static byte[] hash(PrfAlgorithm hash, IkeSaId id, InetSocketAddress endpoint) {
        byte[] address = endpoint.getAddress().getAddress();
        int port = endpoint.getPort();
        byte[] cookies = id.asSpi().toByteArray();
        return hash.hash(cookies, address, new byte[] {(byte) (port >>> 8), (byte) port});
    }

    /** Our NAT-D payloads (message 3 or 4): the other end's endpoint, then ours. */
    static List<NatDiscoveryPayload> payloads(PrfAlgorithm hash, IkeSaId id, InetSocketAddress peer,
            InetSocketAddress local) {
        return List.of(NatDiscoveryPayload.of(hash(hash, id, peer)), NatDiscoveryPayload.of(hash(hash, id, local)));
    }

    /**
     * Whether the peer is behind a NAT: none of its "own address" hashes (all but the first)
     * matches the source we saw. strongSwan's {@code encap = yes} sends a random hash here on
     * purpose, to force UDP encapsulation.
     */
    static boolean peerBehindNat(PrfAlgorithm hash, IkeSaId id, List<NatDiscoveryPayload> received,
            InetSocketAddress source) {
        byte[] expected = hash(hash, id, source);
        return received.stream().skip(1).noneMatch(p -> MessageDigest.isEqual(p.hash().toByteArray(), expected));
    }

    /** Whether we are behind a NAT: the peer's hash of our endpoint differs from our address. */
    static boolean localBehindNat(PrfAlgorithm hash, IkeSaId id, List<NatDiscoveryPayload> received,
            InetSocketAddress local) {
        return !MessageDigest.isEqual(received.get(0).hash().toByteArray(), hash(hash, id, local));
    }
}
