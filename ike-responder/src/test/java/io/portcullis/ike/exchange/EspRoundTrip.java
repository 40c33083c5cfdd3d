package io.portcullis.ike.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.ike.esp.EspDecoder;
import io.portcullis.ike.esp.EspEncoder;
import io.portcullis.ike.esp.EspResult;
import io.portcullis.ike.esp.SaDatabase;
import io.portcullis.ike.esp.SecurityAssociation;
import io.portcullis.ike.harness.QuickModeInitiator;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;

/**
 * Proves both sides derived the same KEYMAT: one real ESP packet each way, encrypted with one
 * side's SA and decrypted with the other's.
 */
final class EspRoundTrip {

    private EspRoundTrip() {
    }

    static void bothDirections(ChildSaEstablished gateway, QuickModeInitiator peer, Clock clock)
            throws GeneralSecurityException {
        bothDirections(gateway, peer.initiatorSpi(), peer.inboundKeymat(), peer.responderSpi(), peer.outboundKeymat(), clock);
    }

    /** The same for a pair whose peer side has these SPIs and KEYMAT (e.g. a Quick Mode the gateway started). */
    static void bothDirections(ChildSaEstablished gateway, int peerInboundSpi, byte[] peerInboundKeymat,
            int peerOutboundSpi, byte[] peerOutboundKeymat, Clock clock) throws GeneralSecurityException {
        SaDatabase gatewayDb = new SaDatabase();
        installGatewaySide(gatewayDb, gateway, clock);
        SaDatabase peerDb = new SaDatabase();
        installPeerSide(peerDb, gateway, peerInboundSpi, peerInboundKeymat, peerOutboundSpi, peerOutboundKeymat, clock);
        carry(FROM_PEER, peerDb, gatewayDb);
        carry(TO_PEER, gatewayDb, peerDb);
    }

    static final byte[] FROM_PEER = ipv4(new byte[] {(byte) 203, 0, 113, 5}, new byte[] {(byte) 198, 51, 100, 7});
    static final byte[] TO_PEER = ipv4(new byte[] {(byte) 198, 51, 100, 7}, new byte[] {(byte) 203, 0, 113, 5});

    static void installGatewaySide(SaDatabase db, ChildSaEstablished gateway, Clock clock) throws GeneralSecurityException {
        db.install(gateway.inboundSa().clock(clock).build());
        db.install(gateway.outboundSa().clock(clock).random(new SecureRandom()).build());
    }

    /** The peer's mirror of a gateway pair: its inbound SA is the gateway's outbound one. */
    static void installPeerSide(SaDatabase db, ChildSaEstablished gateway, int peerInboundSpi, byte[] peerInboundKeymat,
            int peerOutboundSpi, byte[] peerOutboundKeymat, Clock clock) throws GeneralSecurityException {
        db.install(SecurityAssociation.inbound(peerInboundSpi).transform(gateway.transform())
                .keymat(peerInboundKeymat).selectors(gateway.remote(), gateway.local()).clock(clock).build());
        db.install(SecurityAssociation.outbound(peerOutboundSpi).transform(gateway.transform())
                .keymat(peerOutboundKeymat).selectors(gateway.remote(), gateway.local()).clock(clock)
                .random(new SecureRandom()).build());
    }

    /** Encrypts with {@code from}'s newest covering SA, decrypts with {@code to}; returns the SA it was sent on. */
    static SecurityAssociation carry(byte[] inner, SaDatabase from, SaDatabase to) {
        byte[] wire = new byte[inner.length + 128];
        EspResult sent = new EspEncoder(from).encode(inner, 0, inner.length, wire, 0);
        assertThat(sent).isInstanceOf(EspResult.Processed.class);
        EspResult.Processed out = (EspResult.Processed) sent;
        byte[] received = new byte[out.length()];
        EspResult opened = new EspDecoder(to).decode(wire, out.offset(), out.length(), received, 0);
        assertThat(opened).as("decrypting with the other side's keys").isInstanceOf(EspResult.Processed.class);
        EspResult.Processed in = (EspResult.Processed) opened;
        assertThat(Arrays.copyOfRange(received, in.offset(), in.offset() + in.length())).isEqualTo(inner);
        return out.sa();
    }

    /** A minimal IPv4/UDP packet with a valid header checksum. */
    static byte[] ipv4(byte[] source, byte[] destination) {
        byte[] packet = new byte[20 + 8 + 12];
        packet[0] = 0x45;
        packet[3] = (byte) packet.length;
        packet[8] = 64;
        packet[9] = 17;
        System.arraycopy(source, 0, packet, 12, 4);
        System.arraycopy(destination, 0, packet, 16, 4);
        int sum = 0;
        for (int i = 0; i < 20; i += 2) {
            sum += ((packet[i] & 0xFF) << 8) | (packet[i + 1] & 0xFF);
        }
        sum = (sum & 0xFFFF) + (sum >>> 16);
        sum = ~((sum & 0xFFFF) + (sum >>> 16)) & 0xFFFF;
        packet[10] = (byte) (sum >>> 8);
        packet[11] = (byte) sum;
        packet[21] = 53;
        packet[23] = 53;
        packet[25] = 20;
        System.arraycopy("portcullis!!".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, packet, 28, 12);
        return packet;
    }
}
