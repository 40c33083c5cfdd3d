package io.portcullis.ike.exchange.auth;

import io.portcullis.ike.isakmp.NotifyType;

/** Why a peer was refused, and the RFC 2408 §3.14.1 notify that tells it so. */
public enum RefusalReason {
    /** No certificate payload although signatures were negotiated. */
    CERT_UNAVAILABLE(NotifyType.CERTIFICATE_UNAVAILABLE),
    /** Undecodable, untrusted, expired, or unfit (key usage, EKU, key type) certificate. */
    INVALID_CERTIFICATE(NotifyType.INVALID_CERTIFICATE),
    /** The CA revoked the certificate; IKEv1 has no more specific notify. */
    REVOKED(NotifyType.INVALID_CERTIFICATE),
    /** Revocation status could not be established and policy requires it. */
    REVOCATION_UNKNOWN(NotifyType.AUTHENTICATION_FAILED),
    /** The ID payload does not match the certificate (RFC 4945 §3.1) or is of a type we refuse. */
    ID_MISMATCH(NotifyType.INVALID_ID_INFORMATION),
    /** The signature or HASH_I did not verify. */
    AUTHENTICATION_FAILED(NotifyType.AUTHENTICATION_FAILED);

    private final NotifyType notifyType;

    RefusalReason(NotifyType notify) {
        this.notifyType = notify;
    }

    public NotifyType notifyType() {
        return notifyType;
    }
}
