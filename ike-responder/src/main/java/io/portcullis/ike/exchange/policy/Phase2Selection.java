package io.portcullis.ike.exchange.policy;

import io.portcullis.ike.crypto.DhGroup;
import io.portcullis.ike.esp.EspTransform;
import io.portcullis.ike.isakmp.Bytes;
import io.portcullis.ike.isakmp.EncapsulationMode;
import io.portcullis.ike.isakmp.ProposalPayload;
import io.portcullis.ike.isakmp.ProtocolId;
import io.portcullis.ike.isakmp.SecurityAssociationPayload;
import io.portcullis.ike.isakmp.TransformPayload;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The ESP transform chosen in Quick Mode.
 *
 * @param peerSpi the SPI in the initiator's proposal: it names the SA we send on
 * @param pfsGroup the Quick Mode DH group when the transform carries a group description
 * @param proposed the lifetimes the initiator proposed (0 = not proposed)
 */
public record Phase2Selection(int proposalNumber, TransformPayload transform, int peerSpi, EspTransform espTransform,
        EncapsulationMode mode, Optional<DhGroup> pfsGroup, Lifetimes proposed) {

    public Phase2Selection {
        Objects.requireNonNull(transform, "transform");
        Objects.requireNonNull(espTransform, "espTransform");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(pfsGroup, "pfsGroup");
        Objects.requireNonNull(proposed, "proposed");
    }

    /** The SA payload of Quick Mode message 2: the chosen transform, unchanged, under our SPI. */
    public SecurityAssociationPayload responseSa(int ourSpi) {
        return SecurityAssociationPayload.of(List.of(new ProposalPayload(proposalNumber, ProtocolId.IPSEC_ESP,
                Bytes.ofUnsigned(ourSpi & 0xFFFF_FFFFL, 4), List.of(transform))));
    }

    public boolean udpEncapsulated() {
        return mode.isUdpEncapsulated();
    }
}
