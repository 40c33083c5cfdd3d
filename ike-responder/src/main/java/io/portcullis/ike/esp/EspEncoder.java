package io.portcullis.ike.esp;

import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.Optional;

/**
 * Outbound tunnel-mode ESP (RFC 4303 §3.3): inner IPv4/IPv6 packet → {@code SPI | Seq | IV |
 * encrypted(payload | padding | pad length | next header) | ICV}, written into the caller's buffer.
 * Stateless apart from the SA database; safe to call from several threads at once.
 */
public final class EspEncoder {
    private final SaDatabase database;
    private final ThreadLocal<InnerPacket> headers = ThreadLocal.withInitial(InnerPacket::new);

    public EspEncoder(SaDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** The ESP packet length for an inner packet of {@code innerLength} octets under {@code transform}. */
    public static int encodedLength(EspTransform transform, int innerLength) {
        int pad = EspPadding.padLength(innerLength, transform.paddingAlignment());
        return 8 + transform.ivBytes() + innerLength + pad + 2 + transform.icvBytes();
    }

    /** Encrypts with the outbound SA whose selectors cover the inner packet (RFC 4301 §5.1 SPD-S lookup). */
    public EspResult encode(byte[] inner, int off, int len, byte[] out, int outOff) {
        Objects.checkFromIndexSize(off, len, inner.length);
        InnerPacket header = headers.get();
        if (!header.read(inner, off, len)) {
            return drop(DropReason.MALFORMED_INNER, null);
        }
        SecurityAssociation sa = database.outboundOrNull(header);
        if (sa == null) {
            return drop(DropReason.NO_OUTBOUND_SA, null);
        }
        return encode(sa, header, inner, off, out, outOff);
    }

    /** Encrypts with a given outbound SA; the inner packet must still lie inside its selectors. */
    public EspResult encode(SecurityAssociation sa, byte[] inner, int off, int len, byte[] out, int outOff) {
        Objects.checkFromIndexSize(off, len, inner.length);
        InnerPacket header = headers.get();
        if (!header.read(inner, off, len)) {
            return drop(DropReason.MALFORMED_INNER, sa);
        }
        return encode(sa, header, inner, off, out, outOff);
    }

    private EspResult encode(SecurityAssociation sa, InnerPacket header, byte[] inner, int off, byte[] out, int outOff) {
        if (sa.direction() != SecurityAssociation.Direction.OUTBOUND) {
            throw new IllegalArgumentException("not an outbound SA: " + sa);
        }
        if (!sa.covers(header)) {
            return drop(DropReason.SELECTOR_MISMATCH, sa);
        }
        if (sa.lifetime().isExpired()) {
            return drop(DropReason.EXPIRED, sa);
        }
        EspTransform t = sa.transform();
        int innerLength = header.length();
        int padLength = EspPadding.padLength(innerLength, t.paddingAlignment());
        int plaintextLength = innerLength + padLength + 2;
        int total = 8 + t.ivBytes() + plaintextLength + t.icvBytes();
        if (outOff < 0 || outOff > out.length || out.length - outOff < total) {
            return drop(DropReason.OUTPUT_TOO_SMALL, sa); // checked before a sequence number is spent
        }
        long sequence = sa.nextSequence();
        if (sequence < 0) {
            return drop(DropReason.SEQUENCE_EXHAUSTED, sa);
        }
        writeInt(sa.spi(), out, outOff);
        writeInt((int) sequence, out, outOff + 4);
        int payloadOff = outOff + 8 + t.ivBytes();
        System.arraycopy(inner, off, out, payloadOff, innerLength);
        int nextHeader = header.version() == 4 ? EspPadding.IPV4 : EspPadding.IPV6;
        EspPadding.writeTrailer(out, payloadOff + innerLength, padLength, nextHeader);
        try {
            sa.crypto().seal(sequence, out, outOff, plaintextLength);
        } catch (GeneralSecurityException e) {
            return drop(DropReason.CRYPTO_ERROR, sa);
        }
        LifetimeEvent event = sa.lifetime().record(innerLength);
        return new EspResult.Processed(sa, outOff, total, event);
    }

    private EspResult drop(DropReason reason, SecurityAssociation sa) {
        database.countDrop(reason);
        if (sa == null) {
            return new EspResult.Dropped(reason, Optional.empty(), LifetimeEvent.NONE);
        }
        sa.countDrop(reason);
        // Time may have crossed a threshold even though no packet went out; report it here too.
        return new EspResult.Dropped(reason, Optional.of(sa), sa.lifetime().poll());
    }

    private static void writeInt(int v, byte[] b, int off) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }
}
