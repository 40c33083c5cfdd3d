package io.portcullis.ike.isakmp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Transform payload (RFC 2408 §3.6), only ever found inside a {@link ProposalPayload}.
 *
 * @param number the transform number, echoed by the responder for the chosen transform
 * @param transformId KEY_IKE (1) in Phase 1; an {@link EspTransformId} in ESP proposals
 */
public record TransformPayload(int number, int transformId, List<DataAttribute> attributes) {

    /** Transform-ID of every Phase 1 transform (RFC 2407 §4.4.2). */
    public static final int KEY_IKE = 1;
    /** More attributes than any IKEv1 transform carries (Phase 1 uses about eight). */
    static final int MAX_ATTRIBUTES = 64;
    static final int FIXED_BODY = 4;

    public TransformPayload {
        ValueNames.checkRange(number, 0xFF, "transform number");
        ValueNames.checkRange(transformId, 0xFF, "transform id");
        attributes = List.copyOf(Objects.requireNonNull(attributes, "attributes"));
    }

    /** The first attribute of the given type number, if present. */
    public Optional<DataAttribute> attribute(int type) {
        return attributes.stream().filter(a -> a.type() == type).findFirst();
    }

    public Optional<DataAttribute> attribute(Phase1AttributeType type) {
        return attribute(type.value());
    }

    public Optional<DataAttribute> attribute(IpsecAttributeType type) {
        return attribute(type.value());
    }

    void writeTo(WireWriter out, boolean last) {
        int start = GenericHeader.begin(out, last ? 0 : PayloadType.TRANSFORM.value(), 0);
        out.u8(number);
        out.u8(transformId);
        out.u16(0);
        for (DataAttribute attribute : attributes) {
            attribute.writeTo(out);
        }
        GenericHeader.finish(out, start);
    }

    /** Decodes a transform body (the part after the generic header). */
    static TransformPayload readBody(WireReader body) throws IsakmpDecodeException {
        int number = body.u8();
        int transformId = body.u8();
        body.u16(); // RESERVED2; the SA payload keeps the raw bytes, so nothing is lost
        List<DataAttribute> attributes = new ArrayList<>();
        while (body.hasRemaining()) {
            if (attributes.size() == MAX_ATTRIBUTES) {
                throw body.fail(DecodeFailure.TOO_MANY_ELEMENTS, "more than " + MAX_ATTRIBUTES + " attributes");
            }
            attributes.add(DataAttribute.readFrom(body));
        }
        return new TransformPayload(number, transformId, attributes);
    }
}
