package io.portcullis.ike.esp;

import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.Optional;

/**
 * Inbound tunnel-mode ESP (RFC 4303 §3.4), in the order the RFC gives and cheapest check first:
 * length → SPI lookup → lifetime → anti-replay check → ICV verification and decryption → anti-replay
 * update → padding → next header → inner header → selectors. Every refusal is a typed {@link DropReason};
 * no input bytes can make it throw. Safe to call from several threads at once.
 */
public final class EspDecoder {
    private static final int HEADER = 8;

    private final SaDatabase database;
    private final ThreadLocal<InnerPacket> headers = ThreadLocal.withInitial(InnerPacket::new);

    public EspDecoder(SaDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Decodes the ESP packet {@code packet[off..off+len)} (the UDP payload after RFC 3948 demux). The inner
     * packet is written to {@code out} from {@code outOff}; {@code out} needs room for {@code len} octets
     * and may be {@code packet} itself (decryption is copy-safe).
     */
    public EspResult decode(byte[] packet, int off, int len, byte[] out, int outOff) {
        Objects.checkFromIndexSize(off, len, packet.length);
        if (len < HEADER) {
            return drop(DropReason.TRUNCATED, null);
        }
        SecurityAssociation sa = database.inboundOrNull(readInt(packet, off));
        if (sa == null) {
            return drop(DropReason.UNKNOWN_SPI, null);
        }
        EspTransform t = sa.transform();
        int ciphertext = len - HEADER - t.ivBytes() - t.icvBytes();
        if (ciphertext < t.paddingAlignment()) {
            return drop(DropReason.TRUNCATED, sa); // not even room for the 2-octet trailer, aligned
        }
        if (ciphertext % t.paddingAlignment() != 0) {
            return drop(DropReason.BAD_CIPHERTEXT_LENGTH, sa);
        }
        if (outOff < 0 || outOff > out.length || out.length - outOff < len) {
            return drop(DropReason.OUTPUT_TOO_SMALL, sa);
        }
        if (sa.lifetime().isExpired()) {
            return drop(DropReason.EXPIRED, sa);
        }
        long sequence = readInt(packet, off + 4) & 0xFFFF_FFFFL;
        // §3.4.3: the replay check comes first so that replays cost no ICV computation...
        if (!sa.replayWindow().mayAccept(sequence)) {
            return drop(DropReason.REPLAY, sa);
        }
        int plaintext;
        try {
            plaintext = sa.crypto().open(packet, off, len, out, outOff);
        } catch (GeneralSecurityException e) {
            return drop(DropReason.CRYPTO_ERROR, sa);
        }
        if (plaintext < 0) {
            return drop(DropReason.AUTH_FAILED, sa);
        }
        // ...and the window moves only for packets whose ICV verified. A concurrent duplicate loses here.
        if (!sa.replayWindow().accept(sequence)) {
            return drop(DropReason.REPLAY, sa);
        }
        return deliver(sa, out, outOff, plaintext);
    }

    private EspResult deliver(SecurityAssociation sa, byte[] out, int outOff, int plaintext) {
        int payload = EspPadding.checkTrailer(out, outOff, plaintext);
        if (payload < 0) {
            return drop(DropReason.BAD_PADDING, sa);
        }
        int nextHeader = out[outOff + plaintext - 1] & 0xFF;
        if (nextHeader == EspPadding.NO_NEXT_HEADER) {
            return drop(DropReason.DUMMY_PACKET, sa);
        }
        if (nextHeader != EspPadding.IPV4 && nextHeader != EspPadding.IPV6) {
            return drop(DropReason.BAD_NEXT_HEADER, sa);
        }
        InnerPacket header = headers.get();
        int expectedVersion = nextHeader == EspPadding.IPV4 ? 4 : 6;
        if (!header.read(out, outOff, payload) || header.version() != expectedVersion) {
            return drop(DropReason.MALFORMED_INNER, sa);
        }
        // RFC 4301 §5.2 step 4: the inner header must match the SA's selectors, else it was spoofed
        // by a peer authorised for other traffic.
        if (!sa.covers(header)) {
            return drop(DropReason.SELECTOR_MISMATCH, sa);
        }
        LifetimeEvent event = sa.lifetime().record(header.length());
        return new EspResult.Processed(sa, outOff, header.length(), event);
    }

    private EspResult drop(DropReason reason, SecurityAssociation sa) {
        database.countDrop(reason);
        if (sa == null) {
            return new EspResult.Dropped(reason, Optional.empty(), LifetimeEvent.NONE);
        }
        sa.countDrop(reason);
        return new EspResult.Dropped(reason, Optional.of(sa), sa.lifetime().poll());
    }

    private static int readInt(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }
}
