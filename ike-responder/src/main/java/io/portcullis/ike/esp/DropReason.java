package io.portcullis.ike.esp;

/**
 * Why the data plane refused a packet. Every refusal is one of these, counted per SA (when the SA is
 * known) and per database; none is ever an exception (CONVENTIONS rule 5: bounds first, typed errors).
 */
public enum DropReason {
    /** Shorter than the fixed ESP fields, the IV and the ICV of its SA (RFC 4303 §2). */
    TRUNCATED,
    /** Ciphertext not a whole number of cipher blocks / 4-octet words (RFC 4303 §2.4). */
    BAD_CIPHERTEXT_LENGTH,
    /** No inbound SA for this SPI (RFC 4303 §3.4.2: discard, auditable event). */
    UNKNOWN_SPI,
    /** Sequence number zero, duplicate, or left of the anti-replay window (RFC 4303 §3.4.3). */
    REPLAY,
    /** ICV did not verify (RFC 4303 §3.4.4). */
    AUTH_FAILED,
    /** Pad length larger than the payload, or padding bytes not 1, 2, 3... (RFC 4303 §2.4). */
    BAD_PADDING,
    /** Next header is neither IPv4 (4) nor IPv6 (41): we only run tunnel mode. */
    BAD_NEXT_HEADER,
    /** Next header 59: a TFC dummy packet, which RFC 4303 §2.6 says the receiver discards. */
    DUMMY_PACKET,
    /** Inner IP header is inconsistent with its own lengths or with the ESP next header. */
    MALFORMED_INNER,
    /** Inner source/destination/protocol/ports are outside the SA's traffic selectors (RFC 4301 §5.2). */
    SELECTOR_MISMATCH,
    /** Outbound: no SA covers the inner packet. */
    NO_OUTBOUND_SA,
    /** The SA reached its hard lifetime (time or kilobytes) and must not be used. */
    EXPIRED,
    /** Outbound: the 32-bit sequence number space is used up; the SA needs rekeying (RFC 4303 §3.3.3). */
    SEQUENCE_EXHAUSTED,
    /** The caller's output buffer cannot hold the result. */
    OUTPUT_TOO_SMALL,
    /** The crypto provider refused an operation on well-formed input (a local fault, counted, not thrown). */
    CRYPTO_ERROR
}
