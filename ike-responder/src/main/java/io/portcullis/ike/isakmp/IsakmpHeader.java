package io.portcullis.ike.isakmp;

import java.util.Objects;

/**
 * The ISAKMP header (RFC 2408 §3.1) without the two fields the encoder derives: the next
 * payload (from the payload list) and the length (from the encoded size).
 *
 * @param flags the whole flags byte, so that unknown bits survive re-encoding
 * @param messageId 0 in Phase 1; random per Quick Mode / Informational exchange
 */
public record IsakmpHeader(long initiatorCookie, long responderCookie, int majorVersion, int minorVersion,
        ExchangeType exchangeType, int flags, int messageId) {

    public static final int LENGTH = 28;
    /** E: the payloads after the header are encrypted. */
    public static final int FLAG_ENCRYPTION = 0x01;
    /** C: commit (RFC 2408 §3.1), used to delay SA use until the peer confirms. */
    public static final int FLAG_COMMIT = 0x02;
    /** A: authentication only (RFC 2408 §3.1). */
    public static final int FLAG_AUTHENTICATION_ONLY = 0x04;

    public IsakmpHeader {
        ValueNames.checkRange(majorVersion, 0xF, "major version");
        ValueNames.checkRange(minorVersion, 0xF, "minor version");
        Objects.requireNonNull(exchangeType, "exchangeType");
        ValueNames.checkRange(flags, 0xFF, "flags");
    }

    /** A version 1.0 header, the only version Portcullis speaks. */
    public static IsakmpHeader of(long initiatorCookie, long responderCookie, ExchangeType exchangeType,
            int flags, int messageId) {
        return new IsakmpHeader(initiatorCookie, responderCookie, 1, 0, exchangeType, flags, messageId);
    }

    public boolean isEncrypted() {
        return (flags & FLAG_ENCRYPTION) != 0;
    }

    public boolean isCommit() {
        return (flags & FLAG_COMMIT) != 0;
    }

    public boolean isAuthenticationOnly() {
        return (flags & FLAG_AUTHENTICATION_ONLY) != 0;
    }

    public IsakmpHeader withFlags(int newFlags) {
        return new IsakmpHeader(initiatorCookie, responderCookie, majorVersion, minorVersion, exchangeType,
                newFlags, messageId);
    }

    @Override
    public String toString() {
        return String.format("IsakmpHeader[icookie=%016x, rcookie=%016x, version=%d.%d, exchange=%s, flags=0x%02x, mid=%08x]",
                initiatorCookie, responderCookie, majorVersion, minorVersion, exchangeType, flags, messageId);
    }
}
