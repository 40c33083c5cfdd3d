package io.portcullis.ike.exchange.policy;

import io.portcullis.ike.isakmp.DataAttribute;
import io.portcullis.ike.isakmp.LifeType;
import java.util.List;
import java.util.Optional;

/**
 * The life type / life duration attribute pairs of a transform (RFC 2407 §4.5, RFC 2409
 * Appendix A): each duration belongs to the life type just before it. Absent values are 0.
 *
 * @param seconds proposed seconds, 0 if none
 * @param kilobytes proposed kilobytes, 0 if none
 */
public record Lifetimes(long seconds, long kilobytes) {

    public static final Lifetimes NONE = new Lifetimes(0, 0);

    /**
     * Reads the pairs; empty when they are malformed (a duration without a type, an unknown
     * type, a value beyond 63 bits), which the selector answers with ATTRIBUTES_NOT_SUPPORTED.
     */
    public static Optional<Lifetimes> parse(List<DataAttribute> attributes, int lifeTypeAttribute,
            int lifeDurationAttribute) {
        long seconds = 0;
        long kilobytes = 0;
        LifeType pending = null;
        for (DataAttribute attribute : attributes) {
            if (attribute.type() == lifeTypeAttribute) {
                if (attribute.value().length() > 2) {
                    return Optional.empty();
                }
                pending = LifeType.valueOf(attribute.unsignedValue().intValue());
            } else if (attribute.type() == lifeDurationAttribute) {
                if (pending == null || attribute.value().length() > 8) {
                    return Optional.empty();
                }
                long value;
                try {
                    value = attribute.longValue();
                } catch (ArithmeticException e) {
                    return Optional.empty();
                }
                if (pending.equals(LifeType.SECONDS)) {
                    seconds = value;
                } else if (pending.equals(LifeType.KILOBYTES)) {
                    kilobytes = value;
                } else {
                    return Optional.empty();
                }
                pending = null;
            }
        }
        return Optional.of(new Lifetimes(seconds, kilobytes));
    }
}
