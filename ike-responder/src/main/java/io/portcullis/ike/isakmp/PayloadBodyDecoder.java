package io.portcullis.ike.isakmp;

/** Picks the typed decoder for a top-level payload body by its payload type. */
final class PayloadBodyDecoder {

    private PayloadBodyDecoder() {
    }

    static boolean isTyped(PayloadType type) {
        return minimumBody(type) >= 0;
    }

    /** NONE ends a chain; Proposal and Transform exist only inside an SA payload. */
    static boolean mayStandAtTopLevel(PayloadType type) {
        int value = type.value();
        return value != 0 && value != 2 && value != 3;
    }

    /** The fixed part of each typed body, or -1 for types decoded as opaque. */
    static int minimumBody(PayloadType type) {
        return switch (type.value()) {
            case 1 -> SecurityAssociationPayload.FIXED_BODY;
            case 4, 8, 9, 10, 13, 20 -> 0;
            case 5 -> IdentificationPayload.FIXED_BODY;
            case 6 -> CertificatePayload.FIXED_BODY;
            case 7 -> CertificateRequestPayload.FIXED_BODY;
            case 11 -> NotificationPayload.FIXED_BODY;
            case 12 -> DeletePayload.FIXED_BODY;
            case 21 -> NatOriginalAddressPayload.FIXED_BODY;
            case 132 -> FragmentPayload.FIXED_BODY;
            default -> -1;
        };
    }

    static PayloadBody decode(PayloadType type, WireReader body) throws IsakmpDecodeException {
        return switch (type.value()) {
            case 1 -> SecurityAssociationPayload.decode(body);
            case 4 -> new KeyExchangePayload(body.rest());
            case 5 -> IdentificationPayload.decode(body);
            case 6 -> CertificatePayload.decode(body);
            case 7 -> CertificateRequestPayload.decode(body);
            case 8 -> new HashPayload(body.rest());
            case 9 -> new SignaturePayload(body.rest());
            case 10 -> new NoncePayload(body.rest());
            case 11 -> NotificationPayload.decode(body);
            case 12 -> DeletePayload.decode(body);
            case 13 -> new VendorIdPayload(body.rest());
            case 20 -> new NatDiscoveryPayload(body.rest());
            case 21 -> NatOriginalAddressPayload.decode(body);
            case 132 -> FragmentPayload.decode(body);
            default -> new OpaquePayload(type, body.rest());
        };
    }
}
