package io.portcullis.ike.harness;

import io.portcullis.ike.esp.EspTransform;
import io.portcullis.ike.exchange.policy.EspTransformMapping;
import io.portcullis.ike.isakmp.DataAttribute;
import io.portcullis.ike.isakmp.EncapsulationMode;
import io.portcullis.ike.isakmp.IdentificationPayload;
import io.portcullis.ike.isakmp.IpsecAttributeType;
import io.portcullis.ike.isakmp.LifeType;
import io.portcullis.ike.isakmp.TransformPayload;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/** What the test initiator asks for in Quick Mode. */
public record ChildProposal(EspTransform transform, int pfsGroup, EncapsulationMode mode, long lifetimeSeconds,
        IdentificationPayload idci, IdentificationPayload idcr) {

    public static ChildProposal of(EspTransform transform, int pfsGroup) {
        return new ChildProposal(transform, pfsGroup, EncapsulationMode.UDP_ENCAPSULATED_TUNNEL, 3600,
                subnet("203.0.113.0", 24), subnet("198.51.100.0", 24));
    }

    public ChildProposal withIds(IdentificationPayload ci, IdentificationPayload cr) {
        return new ChildProposal(transform, pfsGroup, mode, lifetimeSeconds, ci, cr);
    }

    public ChildProposal withMode(EncapsulationMode newMode) {
        return new ChildProposal(transform, pfsGroup, newMode, lifetimeSeconds, idci, idcr);
    }

    public ChildProposal withLifetime(long seconds) {
        return new ChildProposal(transform, pfsGroup, mode, seconds, idci, idcr);
    }

    public static IdentificationPayload subnet(String network, int length) {
        return IdentificationPayload.subnet(address(network), length);
    }

    public static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal); // literals only: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    TransformPayload transformPayload() {
        List<DataAttribute> attributes = new ArrayList<>();
        attributes.add(DataAttribute.of(IpsecAttributeType.SA_LIFE_TYPE, LifeType.SECONDS.value()));
        attributes.add(DataAttribute.of(IpsecAttributeType.SA_LIFE_DURATION, lifetimeSeconds));
        if (pfsGroup != 0) {
            attributes.add(DataAttribute.of(IpsecAttributeType.GROUP_DESCRIPTION, pfsGroup));
        }
        attributes.add(DataAttribute.of(IpsecAttributeType.ENCAPSULATION_MODE, mode.value()));
        int auth = EspTransformMapping.authenticationAlgorithm(transform);
        if (auth != 0) {
            attributes.add(DataAttribute.of(IpsecAttributeType.AUTHENTICATION_ALGORITHM, auth));
        }
        attributes.add(DataAttribute.of(IpsecAttributeType.KEY_LENGTH, transform.encryptionKeyBytes() * 8));
        return new TransformPayload(1, EspTransformMapping.transformId(transform).value(), attributes);
    }
}
