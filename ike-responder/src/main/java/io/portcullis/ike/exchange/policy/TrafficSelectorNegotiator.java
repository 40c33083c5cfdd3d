package io.portcullis.ike.exchange.policy;

import io.portcullis.ike.esp.IpPrefix;
import io.portcullis.ike.esp.TrafficSelector;
import io.portcullis.ike.isakmp.IdType;
import io.portcullis.ike.isakmp.IdentificationPayload;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Checks the Quick Mode client IDs (RFC 2409 §5.5: IDci is the initiator's side, IDcr ours)
 * against two lists: the subnets the peer's certificate delegates to it (RFC 3779) and the
 * gateway's protected subnets. A requested block inside an allowed one is taken as is; one
 * wider than an allowed block is narrowed to that block (the reply carries the narrowed ID, as
 * strongSwan's IKEv1 responder does); anything else is refused.
 *
 * <p>Only address IDs describe tunnel traffic: host, subnet and CIDR-aligned range IDs of one
 * family. Missing IDs would mean "traffic between the ISAKMP peers" (transport), which this
 * tunnel-only gateway refuses.
 */
public final class TrafficSelectorNegotiator {

    private final List<IpPrefix> gatewaySubnets;

    public TrafficSelectorNegotiator(List<IpPrefix> gatewaySubnets) {
        this.gatewaySubnets = List.copyOf(gatewaySubnets);
    }

    public SelectorDecision negotiate(Optional<IdentificationPayload> idci, Optional<IdentificationPayload> idcr,
            List<IpPrefix> peerSubnets) {
        if (idci.isEmpty() || idcr.isEmpty()) {
            return new SelectorDecision.Refused("Quick Mode without client IDs asks for transport mode");
        }
        Optional<IpPrefix> remoteRequested = toPrefix(idci.get());
        Optional<IpPrefix> localRequested = toPrefix(idcr.get());
        if (remoteRequested.isEmpty() || localRequested.isEmpty()) {
            return new SelectorDecision.Refused("client ID of type " + idci.get().idType() + "/" + idcr.get().idType()
                    + " is not an address block");
        }
        if (remoteRequested.get().addressBytes() != localRequested.get().addressBytes()) {
            return new SelectorDecision.Refused("IDci and IDcr are of different address families");
        }
        if (!sameProtocolAndPorts(idci.get(), idcr.get())) {
            return new SelectorDecision.Refused("IDci and IDcr select different protocols");
        }
        Optional<IpPrefix> remote = fit(remoteRequested.get(), peerSubnets);
        if (remote.isEmpty()) {
            return new SelectorDecision.Refused("IDci " + remoteRequested.get()
                    + " is outside the subnets the peer's certificate delegates " + peerSubnets);
        }
        Optional<IpPrefix> local = fit(localRequested.get(), gatewaySubnets);
        if (local.isEmpty()) {
            return new SelectorDecision.Refused("IDcr " + localRequested.get() + " is outside the protected subnets");
        }
        boolean narrowed = !remote.get().equals(remoteRequested.get()) || !local.get().equals(localRequested.get());
        IdentificationPayload idciReply = narrowed ? asId(remote.get(), idci.get()) : idci.get();
        IdentificationPayload idcrReply = narrowed ? asId(local.get(), idcr.get()) : idcr.get();
        return new SelectorDecision.Agreed(selector(remote.get(), idci.get()), selector(local.get(), idcr.get()),
                idciReply, idcrReply, narrowed);
    }

    private static boolean sameProtocolAndPorts(IdentificationPayload a, IdentificationPayload b) {
        return a.protocolId() == b.protocolId() || a.protocolId() == 0 || b.protocolId() == 0;
    }

    /** The requested block if an allowed one contains it, else the first allowed block inside it. */
    static Optional<IpPrefix> fit(IpPrefix requested, List<IpPrefix> allowed) {
        for (IpPrefix block : allowed) {
            if (block.contains(requested)) {
                return Optional.of(requested);
            }
        }
        return allowed.stream().filter(requested::contains).findFirst();
    }

    static TrafficSelector selector(IpPrefix prefix, IdentificationPayload id) {
        int protocol = id.protocolId();
        if (protocol == TrafficSelector.ANY_PROTOCOL) {
            return new TrafficSelector(prefix, 0, 0, 65535);
        }
        return id.port() == 0 ? new TrafficSelector(prefix, protocol, 0, 65535)
                : new TrafficSelector(prefix, protocol, id.port(), id.port());
    }

    private static IdentificationPayload asId(IpPrefix prefix, IdentificationPayload template) {
        return IdentificationPayload.subnet(address(prefix.networkAddress()), prefix.length())
                .withProtocolAndPort(template.protocolId(), template.port());
    }

    /** An address ID as a prefix: host, subnet with a contiguous mask, or a CIDR-aligned range. */
    public static Optional<IpPrefix> toPrefix(IdentificationPayload id) {
        IdType type = id.idType();
        if (type.equals(IdType.IPV4_ADDR) || type.equals(IdType.IPV6_ADDR)) {
            return Optional.of(IpPrefix.host(id.firstAddress()));
        }
        if (type.equals(IdType.IPV4_ADDR_SUBNET) || type.equals(IdType.IPV6_ADDR_SUBNET)) {
            return maskLength(id.secondAddress().getAddress()).map(length -> IpPrefix.of(id.firstAddress(), length));
        }
        if (type.equals(IdType.IPV4_ADDR_RANGE) || type.equals(IdType.IPV6_ADDR_RANGE)) {
            return rangeAsPrefix(id.firstAddress().getAddress(), id.secondAddress().getAddress());
        }
        return Optional.empty();
    }

    private static Optional<Integer> maskLength(byte[] mask) {
        BigInteger value = new BigInteger(1, mask);
        int bits = mask.length * 8;
        int ones = value.bitCount();
        BigInteger expected = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE.shiftLeft(bits - ones));
        return value.equals(expected) ? Optional.of(ones) : Optional.empty();
    }

    private static Optional<IpPrefix> rangeAsPrefix(byte[] first, byte[] last) {
        BigInteger from = new BigInteger(1, first);
        BigInteger to = new BigInteger(1, last);
        BigInteger size = to.subtract(from).add(BigInteger.ONE);
        if (size.signum() <= 0 || size.bitCount() != 1 || !from.mod(size).equals(BigInteger.ZERO)) {
            return Optional.empty();
        }
        return Optional.of(IpPrefix.of(address(first), first.length * 8 - (size.bitLength() - 1)));
    }

    static InetAddress address(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw); // raw bytes: never a name lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("address of " + raw.length + " bytes", e);
        }
    }
}
