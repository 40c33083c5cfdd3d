package io.portcullis.enrollment.peer;

import io.portcullis.ca.error.PortcullisException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a peer names itself in IKE (ID_FQDN, ID_IPV4_ADDR, ID_IPV6_ADDR, ID_USER_FQDN, ID_DER_ASN1_DN). */
public enum IdentityType {
    FQDN, IPV4, IPV6, EMAIL, DN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IdentityType parse(String value) {
        return Arrays.stream(values()).filter(t -> t.wireName().equalsIgnoreCase(value == null ? "" : value.strip()))
                .findFirst()
                .orElseThrow(() -> PortcullisException.badRequest("invalid-identity", "identity.type must be one of "
                        + Arrays.stream(values()).map(IdentityType::wireName).collect(Collectors.joining(", ")) + "; got '" + value + "'"));
    }
}
