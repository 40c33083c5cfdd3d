package io.portcullis.ike.exchange;

import io.portcullis.ike.exchange.auth.AuthenticatedPeer;
import io.portcullis.ike.isakmp.IdentificationPayload;
import io.portcullis.ike.isakmp.NotifyType;
import java.net.InetSocketAddress;
import java.util.Objects;

/** Something the gateway (SA installer, audit log, admin view) must learn about. */
public sealed interface IkeEvent permits IkeEvent.IkeSaEstablished, ChildSaEstablished, IkeEvent.ChildSaDeleted,
        IkeEvent.IkeSaDeleted, IkeEvent.InitialContact, IkeEvent.ChildSaAdopted, IkeEvent.ExchangeFailed,
        IkeEvent.RekeyStarted, IkeEvent.RekeyFailed, IkeEvent.InitiationFailed, IkeEvent.ChildSaNotEstablished {

    IkeSaId ikeSa();

    /** Main Mode completed: the peer is authenticated. */
    record IkeSaEstablished(IkeSaId ikeSa, AuthenticatedPeer peer, InetSocketAddress peerAddress, String algorithms,
            boolean peerBehindNat) implements IkeEvent {
        public IkeSaEstablished {
            Objects.requireNonNull(peer, "peer");
        }
    }

    /** An IPsec SA pair is gone; remove both directions from the data plane. */
    record ChildSaDeleted(IkeSaId ikeSa, int inboundSpi, int outboundSpi, Cause cause) implements IkeEvent {
    }

    record IkeSaDeleted(IkeSaId ikeSa, Cause cause) implements IkeEvent {
    }

    /**
     * RFC 2407 §4.6.3.3: the peer rebooted and holds no older SAs; the gateway drops every
     * other SA of this identity (the facade does so and reports the deletions).
     */
    record InitialContact(IkeSaId ikeSa, IdentificationPayload identity) implements IkeEvent {
    }

    /**
     * The peer re-authenticated (a new Main Mode of the same identity without INITIAL-CONTACT): this IPsec SA
     * pair moved from its older ISAKMP SA {@code from} to {@code ikeSa}, and ESP for it goes to {@code peerAddress}.
     * Nothing changes on the wire; the pair's keys, counters and lifetimes stay as they are.
     */
    record ChildSaAdopted(IkeSaId ikeSa, IkeSaId from, int inboundSpi, int outboundSpi, InetSocketAddress peerAddress)
            implements IkeEvent {
    }

    /** An exchange failed and was answered (or not) with this notify; for the audit log. */
    record ExchangeFailed(IkeSaId ikeSa, InetSocketAddress peerAddress, NotifyType notifyType, String detail)
            implements IkeEvent {
    }

    /**
     * The gateway started a Quick Mode to replace an IPsec SA pair before its lifetime ends (its soft limit in
     * time or kilobytes came first); the new pair arrives as a {@link ChildSaEstablished}.
     */
    record RekeyStarted(IkeSaId ikeSa, int replacedInboundSpi, int newInboundSpi) implements IkeEvent {
    }

    /**
     * A rekey the gateway started ended without a new pair (no answer, refused, or an answer we could not
     * accept); the old pair lives on until its hard lifetime and is not rekeyed by us again.
     */
    record RekeyFailed(IkeSaId ikeSa, int replacedInboundSpi, String reason) implements IkeEvent {
    }

    /**
     * A Main Mode the gateway started got no (further) answer after every retransmission: its half-open SA and
     * its key material are gone. {@code ikeSa} names the responder cookie once message 2 arrived, 0 before.
     */
    record InitiationFailed(IkeSaId ikeSa, InetSocketAddress peerAddress, String reason) implements IkeEvent {
    }

    /**
     * A Quick Mode the gateway started for a new pair ({@link ChildRequest}, not a rekey) ended without one (no
     * answer, refused, or an answer we could not accept); the IKE SA stays.
     */
    record ChildSaNotEstablished(IkeSaId ikeSa, io.portcullis.ike.esp.TrafficSelector local,
            io.portcullis.ike.esp.TrafficSelector remote, String reason) implements IkeEvent {
    }

    enum Cause {
        /** The peer sent a DELETE. */
        PEER_DELETE,
        /** The gateway tore the peer down (e.g. revocation). */
        LOCAL_DELETE,
        /** Replaced after the peer's INITIAL-CONTACT. */
        INITIAL_CONTACT,
        /** Lifetime expired. */
        EXPIRED,
        /** The peer runs DPD but fell silent (no IKE message, no ESP) for the dead-peer timeout (RFC 3706). */
        DEAD_PEER
    }
}
