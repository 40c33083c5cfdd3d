package io.portcullis.ike.exchange.auth;

import io.portcullis.ike.isakmp.IdType;
import io.portcullis.ike.isakmp.IdentificationPayload;
import javax.security.auth.x500.X500Principal;

/** Human-readable forms of Phase 1 identities. */
public final class Identities {

    private Identities() {
    }

    public static String describe(IdentificationPayload id) {
        IdType type = id.idType();
        try {
            if (type.equals(IdType.FQDN) || type.equals(IdType.USER_FQDN)) {
                return id.text();
            }
            if (type.equals(IdType.IPV4_ADDR) || type.equals(IdType.IPV6_ADDR)) {
                return id.firstAddress().getHostAddress();
            }
            if (type.equals(IdType.DER_ASN1_DN)) {
                return new X500Principal(id.data().toByteArray()).getName(X500Principal.RFC2253);
            }
        } catch (IllegalArgumentException e) {
            return type + ":" + id.data() + " (undecodable: " + e.getMessage() + ")";
        }
        return type + ":" + id.data();
    }
}
