package io.portcullis.ike.exchange.policy;

import io.portcullis.ike.crypto.DhGroup;
import io.portcullis.ike.esp.EspTransform;
import io.portcullis.ike.esp.LifetimeLimits;
import io.portcullis.ike.isakmp.Bytes;
import io.portcullis.ike.isakmp.DataAttribute;
import io.portcullis.ike.isakmp.EncapsulationMode;
import io.portcullis.ike.isakmp.IpsecAttributeType;
import io.portcullis.ike.isakmp.LifeType;
import io.portcullis.ike.isakmp.ProposalPayload;
import io.portcullis.ike.isakmp.ProtocolId;
import io.portcullis.ike.isakmp.SecurityAssociationPayload;
import io.portcullis.ike.isakmp.TransformPayload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SA payload of a Quick Mode the gateway starts to replace an IPsec SA pair: one ESP proposal with one
 * transform, carrying exactly what the pair was negotiated with (RFC 2407 §4.5 attributes: lifetimes,
 * group description for PFS, encapsulation mode, authentication algorithm, key length). Proposing the same
 * again is what a peer's rekey detection looks for (strongSwan compares proposal and selectors).
 */
public final class RekeyProposal {

    private RekeyProposal() {
    }

    /**
     * @param hard the hard limits of the pair being replaced; a zero limit is not proposed
     * @param ourSpi the SPI the peer is to send on
     */
    public static SecurityAssociationPayload of(EspTransform transform, EncapsulationMode mode, Optional<DhGroup> pfsGroup,
            LifetimeLimits hard, int ourSpi) {
        List<DataAttribute> attributes = new ArrayList<>();
        if (!hard.hardTime().isZero()) {
            attributes.add(DataAttribute.of(IpsecAttributeType.SA_LIFE_TYPE, LifeType.SECONDS.value()));
            attributes.add(DataAttribute.of(IpsecAttributeType.SA_LIFE_DURATION, hard.hardTime().toSeconds()));
        }
        if (hard.hardKilobytes() > 0) {
            attributes.add(DataAttribute.of(IpsecAttributeType.SA_LIFE_TYPE, LifeType.KILOBYTES.value()));
            attributes.add(DataAttribute.of(IpsecAttributeType.SA_LIFE_DURATION, hard.hardKilobytes()));
        }
        pfsGroup.ifPresent(group -> attributes.add(DataAttribute.of(IpsecAttributeType.GROUP_DESCRIPTION, group.id())));
        attributes.add(DataAttribute.of(IpsecAttributeType.ENCAPSULATION_MODE, mode.value()));
        int authentication = EspTransformMapping.authenticationAlgorithm(transform);
        if (authentication != 0) {
            attributes.add(DataAttribute.of(IpsecAttributeType.AUTHENTICATION_ALGORITHM, authentication));
        }
        attributes.add(DataAttribute.of(IpsecAttributeType.KEY_LENGTH, transform.encryptionKeyBytes() * 8L));
        TransformPayload proposed = new TransformPayload(1, EspTransformMapping.transformId(transform).value(), attributes);
        return SecurityAssociationPayload.of(List.of(new ProposalPayload(1, ProtocolId.IPSEC_ESP,
                Bytes.ofUnsigned(ourSpi & 0xFFFF_FFFFL, 4), List.of(proposed))));
    }
}
