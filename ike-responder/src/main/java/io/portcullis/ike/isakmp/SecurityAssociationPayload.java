package io.portcullis.ike.isakmp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Security Association payload (RFC 2408 §3.4) in the IPsec DOI (RFC 2407 §4.6.1).
 *
 * <p>{@code rawBody} is the body exactly as received (or, for a payload built with
 * {@link #of}, as it will be sent). The encoder writes it verbatim, because HASH_I and HASH_R
 * are computed over the initiator's SA body as sent, including reserved bytes and attribute
 * forms that a re-encoding of the parsed fields might not reproduce.
 */
public record SecurityAssociationPayload(Doi doi, int situation, List<ProposalPayload> proposals, Bytes rawBody)
        implements PayloadBody {

    /** RFC 2407 §4.2: the only situation Portcullis (and strongSwan) supports. */
    public static final int SIT_IDENTITY_ONLY = 0x01;
    /** A bound no real SA comes near; it caps the work a hostile SA payload can cause. */
    static final int MAX_PROPOSALS = 64;
    static final int FIXED_BODY = 8;

    public SecurityAssociationPayload {
        Objects.requireNonNull(doi, "doi");
        proposals = List.copyOf(Objects.requireNonNull(proposals, "proposals"));
        Objects.requireNonNull(rawBody, "rawBody");
    }

    /** An IPsec DOI, SIT_IDENTITY_ONLY SA with its body encoded from the proposals. */
    public static SecurityAssociationPayload of(List<ProposalPayload> proposals) {
        return of(Doi.IPSEC, SIT_IDENTITY_ONLY, proposals);
    }

    public static SecurityAssociationPayload of(Doi doi, int situation, List<ProposalPayload> proposals) {
        WireWriter out = new WireWriter();
        out.u32(doi.value());
        out.u32(situation);
        for (int i = 0; i < proposals.size(); i++) {
            proposals.get(i).writeTo(out, i == proposals.size() - 1);
        }
        return new SecurityAssociationPayload(doi, situation, proposals, Bytes.of(out.toByteArray()));
    }

    @Override
    public PayloadType type() {
        return PayloadType.SECURITY_ASSOCIATION;
    }

    @Override
    public Bytes encodeBody() {
        return rawBody;
    }

    static SecurityAssociationPayload decode(WireReader body) throws IsakmpDecodeException {
        Bytes raw = body.peekRest();
        int doiOffset = body.offset();
        Doi doi = Doi.valueOf(body.u32());
        if (!doi.equals(Doi.IPSEC)) {
            throw new IsakmpDecodeException(DecodeFailure.UNSUPPORTED_DOI, doiOffset, "DOI " + doi);
        }
        int situationOffset = body.offset();
        int situation = body.u32();
        if ((situation & ~SIT_IDENTITY_ONLY) != 0) {
            // SIT_SECRECY / SIT_INTEGRITY append labelled-domain fields we cannot interpret
            throw new IsakmpDecodeException(DecodeFailure.UNSUPPORTED_SITUATION, situationOffset,
                    "situation 0x" + Integer.toHexString(situation));
        }
        List<ProposalPayload> proposals = new ArrayList<>();
        int next = PayloadType.PROPOSAL.value();
        while (next != 0) {
            if (next != PayloadType.PROPOSAL.value()) {
                throw body.fail(DecodeFailure.BAD_PROPOSAL_SYNTAX,
                        "payload type " + next + " inside an SA, only proposals belong there");
            }
            if (proposals.size() == MAX_PROPOSALS) {
                throw body.fail(DecodeFailure.TOO_MANY_ELEMENTS, "more than " + MAX_PROPOSALS + " proposals");
            }
            GenericHeader header = GenericHeader.read(body, ProposalPayload.FIXED_BODY);
            proposals.add(ProposalPayload.readBody(header.body()));
            next = header.nextType();
        }
        if (body.hasRemaining()) {
            throw body.fail(DecodeFailure.BAD_PROPOSAL_SYNTAX,
                    body.remaining() + " bytes after the last proposal of the SA");
        }
        return new SecurityAssociationPayload(doi, situation, proposals, raw);
    }
}
