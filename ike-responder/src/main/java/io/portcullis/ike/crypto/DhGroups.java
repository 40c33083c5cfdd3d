package io.portcullis.ike.crypto;

import java.util.List;
import java.util.Optional;

/** The Diffie-Hellman groups this responder offers, looked up by IKEv1 Group Description. */
public final class DhGroups {

    private static final List<DhGroup> ALL = List.of(
            ModpGroup.MODP_1024, ModpGroup.MODP_1536, ModpGroup.MODP_2048, ModpGroup.MODP_3072,
            ModpGroup.MODP_4096, EcpGroup.ECP_256, EcpGroup.ECP_384);

    private DhGroups() {
    }

    public static Optional<DhGroup> byId(int groupDescription) {
        return ALL.stream().filter(g -> g.id() == groupDescription).findFirst();
    }

    public static List<DhGroup> all() {
        return ALL;
    }
}
