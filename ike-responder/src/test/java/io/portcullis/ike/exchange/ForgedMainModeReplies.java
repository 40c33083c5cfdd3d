package io.portcullis.ike.exchange;

import io.portcullis.ike.isakmp.Bytes;
import io.portcullis.ike.isakmp.DataAttribute;
import io.portcullis.ike.isakmp.IsakmpEncoder;
import io.portcullis.ike.isakmp.IsakmpMessage;
import io.portcullis.ike.isakmp.Payload;
import io.portcullis.ike.isakmp.Phase1AttributeType;
import io.portcullis.ike.isakmp.ProposalPayload;
import io.portcullis.ike.isakmp.ProtocolId;
import io.portcullis.ike.isakmp.SecurityAssociationPayload;
import io.portcullis.ike.isakmp.TransformPayload;
import java.util.List;

/** Main Mode replies altered the way a misbehaving responder would, for the initiator's hostile-input tests. */
final class ForgedMainModeReplies {

    private ForgedMainModeReplies() {
    }

    /**
     * Message 2 with the chosen transform's lifetime changed to one we never proposed: the same
     * algorithms, but not "returned unchanged" (RFC 2409 §5), so the initiator must refuse it.
     */
    static byte[] withLifetime(IsakmpMessage message2, int seconds) {
        TransformPayload chosen = message2.first(SecurityAssociationPayload.class).orElseThrow().proposals().get(0)
                .transforms().get(0);
        List<DataAttribute> attributes = chosen.attributes().stream()
                .map(a -> a.type() == Phase1AttributeType.LIFE_DURATION.value()
                        ? DataAttribute.of(Phase1AttributeType.LIFE_DURATION, seconds) : a)
                .toList();
        SecurityAssociationPayload forged = SecurityAssociationPayload.of(List.of(new ProposalPayload(1,
                ProtocolId.ISAKMP, Bytes.EMPTY, List.of(new TransformPayload(chosen.number(), chosen.transformId(),
                        attributes)))));
        return IsakmpEncoder.encode(new IsakmpMessage(message2.header(), message2.payloads().stream()
                .map(p -> p.body() instanceof SecurityAssociationPayload ? Payload.of(forged) : p).toList()));
    }
}
