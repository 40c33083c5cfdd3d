package io.portcullis.ike.exchange;

/** Why a received datagram was dropped without an answer; counted per reason. */
public enum Drop {
    /** Not a decodable ISAKMP message (RFC 2408 §5.1 checks). */
    MALFORMED,
    /** Cookies that name no SA we hold (RFC 2408 §5.2: INVALID-COOKIE is not sent to strangers). */
    UNKNOWN_COOKIES,
    /** A message the exchange does not expect in its state (out of order, wrong exchange type). */
    UNEXPECTED,
    /** Too many half-open SAs overall or from this source. */
    HALF_OPEN_LIMIT,
    /** Encrypted data that does not decrypt to a payload chain. */
    UNDECRYPTABLE,
    /** A Quick Mode / Informational HASH that does not verify (RFC 2409 §5.5, §5.7). */
    BAD_HASH,
    /** A fragment that was stored or discarded by the reassembler. */
    FRAGMENT,
    /** A DPD sequence number already seen (RFC 3706 §7). */
    REPLAYED,
    /** An R-U-THERE-ACK naming no R-U-THERE of ours still waiting for one (RFC 3706 §7): not a sign of life. */
    DPD_SEQUENCE,
    /** An exchange type the engine does not implement (Aggressive Mode, Transaction...). */
    UNSUPPORTED_EXCHANGE,
    /** A notify or delete for SAs we do not hold (e.g. a repeated DELETE). */
    NOTHING_TO_DO,
    /** A retransmitted message 5 while its peer check is still running (answered once it ends). */
    AUTHENTICATION_PENDING,
    /** A peer check the worker pool could not take (overload): the Main Mode is abandoned. */
    AUTHENTICATION_OVERLOAD
}
