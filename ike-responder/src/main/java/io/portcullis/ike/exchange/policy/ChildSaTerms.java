package io.portcullis.ike.exchange.policy;

import io.portcullis.ike.esp.LifetimeLimits;
import io.portcullis.ike.isakmp.Bytes;
import io.portcullis.ike.isakmp.IpsecAttributeType;
import io.portcullis.ike.isakmp.LifeType;
import java.io.ByteArrayOutputStream;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The lifetimes an IPsec SA gets: the shorter of what the initiator proposed (RFC 2407 §4.5:
 * 28800 s when it proposed none) and our policy. When ours is shorter, RFC 2407 §4.6.3.1 has
 * us tell the initiator with a RESPONDER-LIFETIME notify whose data are the lifetime attributes.
 *
 * @param hard the limits the SA ends at, with the soft limits it is rekeyed at
 * @param responderLifetime the notify data, when we shortened anything
 */
public record ChildSaTerms(LifetimeLimits hard, Optional<Bytes> responderLifetime) {

    static final long DEFAULT_SECONDS = 28_800;

    /** @param random draws the soft limit (see {@link RekeyTiming}) */
    public static ChildSaTerms negotiate(Lifetimes proposed, GatewayPolicy policy, RandomGenerator random) {
        long proposedSeconds = proposed.seconds() == 0 ? DEFAULT_SECONDS : proposed.seconds();
        long ourSeconds = policy.phase2().childLifetime().toSeconds();
        long seconds = ourSeconds > 0 ? Math.min(proposedSeconds, ourSeconds) : proposedSeconds;
        long ourKilobytes = policy.phase2().childLifetimeKilobytes();
        long kilobytes = proposed.kilobytes();
        boolean shortenedBytes = ourKilobytes > 0 && (kilobytes == 0 || ourKilobytes < kilobytes);
        if (shortenedBytes) {
            kilobytes = ourKilobytes;
        }
        boolean shortenedTime = seconds < proposedSeconds;
        LifetimeLimits limits = RekeyTiming.limits(seconds, kilobytes, random);
        if (!shortenedTime && !shortenedBytes) {
            return new ChildSaTerms(limits, Optional.empty());
        }
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        writeAttribute(data, IpsecAttributeType.SA_LIFE_TYPE.value(), LifeType.SECONDS.value());
        writeAttribute(data, IpsecAttributeType.SA_LIFE_DURATION.value(), seconds);
        if (kilobytes > 0) {
            writeAttribute(data, IpsecAttributeType.SA_LIFE_TYPE.value(), LifeType.KILOBYTES.value());
            writeAttribute(data, IpsecAttributeType.SA_LIFE_DURATION.value(), kilobytes);
        }
        return new ChildSaTerms(limits, Optional.of(Bytes.of(data.toByteArray())));
    }

    /** RFC 2408 §3.3: basic (TV) form when the value fits 16 bits, else TLV with 4 bytes. */
    private static void writeAttribute(ByteArrayOutputStream out, int type, long value) {
        if (value <= 0xFFFF) {
            writeShort(out, 0x8000 | type);
            writeShort(out, (int) value);
        } else {
            writeShort(out, type);
            writeShort(out, 4);
            writeShort(out, (int) (value >>> 16));
            writeShort(out, (int) value);
        }
    }

    private static void writeShort(ByteArrayOutputStream out, int value) {
        out.write(value >>> 8);
        out.write(value);
    }
}
