package io.portcullis.ike.exchange.auth;

import java.util.Set;

/**
 * Which extended key usages make a peer certificate acceptable (RFC 4945 §5.1.3.12). A
 * certificate without the EKU extension is unrestricted and always passes; one with it must
 * list an accepted purpose or anyExtendedKeyUsage.
 *
 * @param acceptedOids purposes that qualify; empty means the EKU is not checked at all
 */
public record EkuPolicy(Set<String> acceptedOids) {

    public static final String IPSEC_IKE = "1.3.6.1.5.5.7.3.17";
    public static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    public static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    public static final String ANY = "2.5.29.37.0";

    public EkuPolicy {
        acceptedOids = Set.copyOf(acceptedOids);
    }

    public static EkuPolicy none() {
        return new EkuPolicy(Set.of());
    }

    /** ipsecIKE, serverAuth or clientAuth: what strongSwan's and Windows' certificates carry. */
    public static EkuPolicy ikeOrTls() {
        return new EkuPolicy(Set.of(IPSEC_IKE, SERVER_AUTH, CLIENT_AUTH));
    }

    public boolean accepts(java.util.List<String> extendedKeyUsage) {
        if (acceptedOids.isEmpty() || extendedKeyUsage == null) {
            return true;
        }
        return extendedKeyUsage.contains(ANY) || extendedKeyUsage.stream().anyMatch(acceptedOids::contains);
    }
}
