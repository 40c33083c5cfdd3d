package io.portcullis.ike.isakmp;

/**
 * Why a datagram could not be decoded. Each reason names the RFC 2408 §3.14.1 notify message
 * type the exchange layer should answer with (when it answers at all: before a Phase 1 SA
 * exists an answer is unauthenticated, so the exchange may prefer to stay silent).
 */
public enum DecodeFailure {
    /** Fewer than 28 bytes: not even an ISAKMP header. */
    TRUNCATED_HEADER(NotifyType.PAYLOAD_MALFORMED),
    /** Major version other than 1 (IKEv2 also listens on UDP 500). */
    UNSUPPORTED_MAJOR_VERSION(NotifyType.INVALID_MAJOR_VERSION),
    /** The header length field is smaller than the header itself. */
    HEADER_LENGTH_TOO_SMALL(NotifyType.UNEQUAL_PAYLOAD_LENGTHS),
    /** The header length differs from the datagram length (RFC 2408 §5.1). */
    LENGTH_MISMATCH(NotifyType.UNEQUAL_PAYLOAD_LENGTHS),
    /** The E flag does not match the decoding path the caller chose. */
    UNEXPECTED_ENCRYPTION_FLAG(NotifyType.INVALID_FLAGS),
    /** A generic payload header (4 bytes) does not fit in what remains. */
    TRUNCATED_PAYLOAD_HEADER(NotifyType.PAYLOAD_MALFORMED),
    /** A payload length below 4 or below the fixed part of its type. */
    PAYLOAD_LENGTH_TOO_SMALL(NotifyType.PAYLOAD_MALFORMED),
    /** A payload length that reaches past the end of its enclosing structure. */
    PAYLOAD_LENGTH_OVERRUN(NotifyType.PAYLOAD_MALFORMED),
    /** Unencrypted bytes after the last payload: RFC 2408 allows none. */
    TRAILING_BYTES(NotifyType.UNEQUAL_PAYLOAD_LENGTHS),
    /** More payloads than the decoder accepts in one message. */
    TOO_MANY_PAYLOADS(NotifyType.PAYLOAD_MALFORMED),
    /** Proposal or Transform where only a top-level payload may stand, or vice versa. */
    MISPLACED_PAYLOAD(NotifyType.INVALID_PAYLOAD_TYPE),
    /** A field inside a payload body is inconsistent with the body length. */
    MALFORMED_BODY(NotifyType.PAYLOAD_MALFORMED),
    /** Proposal / Transform chaining, numbering or counts are inconsistent. */
    BAD_PROPOSAL_SYNTAX(NotifyType.BAD_PROPOSAL_SYNTAX),
    /** More proposals, transforms or attributes than the decoder accepts. */
    TOO_MANY_ELEMENTS(NotifyType.BAD_PROPOSAL_SYNTAX),
    /** A data attribute header or value does not fit in its transform. */
    MALFORMED_ATTRIBUTE(NotifyType.BAD_PROPOSAL_SYNTAX),
    /** An SA payload with a DOI other than IPsec (RFC 2407). */
    UNSUPPORTED_DOI(NotifyType.DOI_NOT_SUPPORTED),
    /** An IPsec DOI situation other than SIT_IDENTITY_ONLY (labelled domains are unsupported). */
    UNSUPPORTED_SITUATION(NotifyType.SITUATION_NOT_SUPPORTED),
    /** An ID payload whose data length does not fit its ID type. */
    INVALID_ID(NotifyType.INVALID_ID_INFORMATION);

    private final NotifyType suggestedNotify;

    DecodeFailure(NotifyType suggestedNotify) {
        this.suggestedNotify = suggestedNotify;
    }

    public NotifyType suggestedNotify() {
        return suggestedNotify;
    }
}
