package io.portcullis.ike.exchange.policy;

import io.portcullis.ike.crypto.DhGroup;
import io.portcullis.ike.crypto.IkeCipher;
import io.portcullis.ike.crypto.PrfAlgorithm;
import io.portcullis.ike.isakmp.AuthenticationMethod;
import io.portcullis.ike.isakmp.Bytes;
import io.portcullis.ike.isakmp.ProposalPayload;
import io.portcullis.ike.isakmp.ProtocolId;
import io.portcullis.ike.isakmp.SecurityAssociationPayload;
import io.portcullis.ike.isakmp.TransformPayload;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The Phase 1 transform the responder chose, with the algorithms it names.
 *
 * @param proposalNumber the proposal number to echo
 * @param transform the chosen transform exactly as the initiator proposed it; RFC 2409 §5
 *     wants it returned unchanged so the initiator can recognise it
 * @param lifetime the ISAKMP SA lifetime (proposed, or the RFC 2407 §4.5 default of 8 hours)
 */
public record Phase1Selection(int proposalNumber, TransformPayload transform, IkeCipher cipher, PrfAlgorithm prf,
        DhGroup group, AuthenticationMethod authMethod, Duration lifetime) {

    public Phase1Selection {
        Objects.requireNonNull(transform, "transform");
        Objects.requireNonNull(cipher, "cipher");
        Objects.requireNonNull(prf, "prf");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(authMethod, "authMethod");
        Objects.requireNonNull(lifetime, "lifetime");
    }

    /** The SA payload of Main Mode message 2: one proposal, one transform (RFC 2408 §4.2). */
    public SecurityAssociationPayload responseSa() {
        return SecurityAssociationPayload.of(List.of(
                new ProposalPayload(proposalNumber, ProtocolId.ISAKMP, Bytes.EMPTY, List.of(transform))));
    }

    public boolean usesSignatures() {
        return authMethod.equals(AuthenticationMethod.RSA_SIGNATURES);
    }

    @Override
    public String toString() {
        return cipher.algorithm() + "-" + cipher.keyLength() * 8 + "/" + prf + "/group " + group.id() + "/"
                + authMethod + "/" + lifetime;
    }
}
