package io.portcullis.ike.isakmp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Proposal payload (RFC 2408 §3.5), only ever found inside a {@link SecurityAssociationPayload}.
 * The "# of transforms" field is derived from {@link #transforms()} when encoding and checked
 * against the transform chain when decoding.
 *
 * @param spi empty in Phase 1 (the cookies name the SA); 4 bytes for ESP/AH in Quick Mode
 */
public record ProposalPayload(int number, ProtocolId protocol, Bytes spi, List<TransformPayload> transforms) {

    static final int FIXED_BODY = 4;

    public ProposalPayload {
        ValueNames.checkRange(number, 0xFF, "proposal number");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(spi, "spi");
        ValueNames.checkRange(spi.length(), 0xFF, "SPI size");
        transforms = List.copyOf(Objects.requireNonNull(transforms, "transforms"));
        ValueNames.checkRange(transforms.size(), 0xFF, "transform count");
    }

    void writeTo(WireWriter out, boolean last) {
        int start = GenericHeader.begin(out, last ? 0 : PayloadType.PROPOSAL.value(), 0);
        out.u8(number);
        out.u8(protocol.value());
        out.u8(spi.length());
        out.u8(transforms.size());
        out.bytes(spi);
        for (int i = 0; i < transforms.size(); i++) {
            transforms.get(i).writeTo(out, i == transforms.size() - 1);
        }
        GenericHeader.finish(out, start);
    }

    /**
     * Decodes a proposal body: the fixed part, the SPI, then a chain of exactly "# of
     * transforms" Transform payloads that must end where the proposal ends.
     */
    static ProposalPayload readBody(WireReader body) throws IsakmpDecodeException {
        int number = body.u8();
        ProtocolId protocol = ProtocolId.valueOf(body.u8());
        int spiSize = body.u8();
        int declaredTransforms = body.u8();
        Bytes spi = body.bytes(spiSize);
        List<TransformPayload> transforms = new ArrayList<>(declaredTransforms);
        int next = declaredTransforms == 0 ? 0 : PayloadType.TRANSFORM.value();
        while (next != 0) {
            if (next != PayloadType.TRANSFORM.value()) {
                throw body.fail(DecodeFailure.BAD_PROPOSAL_SYNTAX,
                        "payload type " + next + " inside a proposal, only transforms belong there");
            }
            if (transforms.size() == declaredTransforms) {
                throw body.fail(DecodeFailure.BAD_PROPOSAL_SYNTAX,
                        "more transforms chained than the " + declaredTransforms + " declared");
            }
            GenericHeader header = GenericHeader.read(body, TransformPayload.FIXED_BODY,
                    DecodeFailure.MALFORMED_ATTRIBUTE);
            transforms.add(TransformPayload.readBody(header.body()));
            next = header.nextType();
        }
        if (transforms.size() != declaredTransforms) {
            throw body.fail(DecodeFailure.BAD_PROPOSAL_SYNTAX,
                    declaredTransforms + " transforms declared, " + transforms.size() + " chained");
        }
        if (body.hasRemaining()) {
            throw body.fail(DecodeFailure.BAD_PROPOSAL_SYNTAX,
                    body.remaining() + " bytes after the last transform of the proposal");
        }
        return new ProposalPayload(number, protocol, spi, transforms);
    }
}
