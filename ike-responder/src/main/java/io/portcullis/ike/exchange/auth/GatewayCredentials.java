package io.portcullis.ike.exchange.auth;

import io.portcullis.ike.isakmp.IdentificationPayload;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.util.List;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;

/**
 * What the gateway authenticates with: its RSA key, its certificate chain (end entity first,
 * intermediates after, the root optional), the ID it sends (must match the certificate, RFC
 * 4945 §3.1), and the CAs it names in CERTREQ payloads so the peer picks the right certificate.
 */
public record GatewayCredentials(RSAPrivateKey privateKey, List<X509Certificate> chain, IdentificationPayload identity,
        List<X500Principal> requestedAuthorities) {

    public GatewayCredentials {
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("the gateway needs its certificate");
        }
        Objects.requireNonNull(identity, "identity");
        requestedAuthorities = List.copyOf(requestedAuthorities);
        if (!IdentityMatcher.matches(identity, chain.get(0))) {
            throw new IllegalArgumentException("gateway ID " + Identities.describe(identity)
                    + " does not match its certificate (RFC 4945 §3.1)");
        }
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }
}
