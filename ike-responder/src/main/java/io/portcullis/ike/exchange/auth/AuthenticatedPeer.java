package io.portcullis.ike.exchange.auth;

import io.portcullis.ike.esp.IpPrefix;
import io.portcullis.ike.isakmp.IdentificationPayload;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A peer whose identity was established.
 *
 * @param identity the ID payload it authenticated as
 * @param subnets the networks it may put behind its tunnel end (from the certificate's RFC 3779
 *     extension or the pre-shared key entry); empty means none
 * @param publicKey the key that must verify its signature; empty for pre-shared keys
 * @param path the validated certificate path, end entity first, ending with the trust anchor
 *     (so a revocation decorator finds each certificate's issuer next to it); empty for PSK
 */
public record AuthenticatedPeer(IdentificationPayload identity, List<IpPrefix> subnets, Optional<PublicKey> publicKey,
        List<X509Certificate> path) {

    public AuthenticatedPeer {
        Objects.requireNonNull(identity, "identity");
        subnets = List.copyOf(subnets);
        Objects.requireNonNull(publicKey, "publicKey");
        path = List.copyOf(path);
    }

    /** The end-entity certificate, if the peer authenticated with one. */
    public Optional<X509Certificate> certificate() {
        return path.isEmpty() ? Optional.empty() : Optional.of(path.get(0));
    }

    /** A readable identity for logs and the admin listing. */
    public String displayName() {
        return Identities.describe(identity);
    }
}
