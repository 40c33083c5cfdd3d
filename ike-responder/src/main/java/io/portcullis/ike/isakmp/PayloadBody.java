package io.portcullis.ike.isakmp;

/**
 * The typed view of one payload's body (everything after the generic payload header). Unknown
 * payload types decode to {@link OpaquePayload}, so every datagram that is well-formed at the
 * generic-header level keeps all its payloads.
 */
public sealed interface PayloadBody
        permits SecurityAssociationPayload, KeyExchangePayload, IdentificationPayload,
        CertificatePayload, CertificateRequestPayload, HashPayload, SignaturePayload, NoncePayload,
        NotificationPayload, DeletePayload, VendorIdPayload, NatDiscoveryPayload,
        NatOriginalAddressPayload, FragmentPayload, OpaquePayload {

    PayloadType type();

    /**
     * The body bytes as they go on the wire. RFC 2409 hashes some bodies directly (SAi_b and
     * IDii_b in HASH_I/HASH_R), which is why this is public.
     */
    Bytes encodeBody();
}
