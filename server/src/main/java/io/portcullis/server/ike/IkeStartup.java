package io.portcullis.server.ike;

import io.portcullis.ca.authority.CaKeyring;
import io.portcullis.ca.config.PortcullisConfig;
import io.portcullis.ca.keys.PemCodec;
import io.portcullis.ike.exchange.auth.AddressIdDelegation;
import io.portcullis.ike.exchange.auth.GatewayCredentials;
import io.portcullis.ike.exchange.auth.PeerAuthenticator;
import io.portcullis.ike.exchange.auth.RevocationCheckingAuthenticator;
import io.portcullis.ike.exchange.auth.StaticTrustPeerAuthenticator;
import io.portcullis.ike.revocation.LiveRevocationChecker;
import io.portcullis.ike.runtime.GatewayIdentity;
import io.portcullis.ike.runtime.GatewayPolicies;
import io.portcullis.ike.runtime.IkeGateway;
import io.portcullis.ike.runtime.IkeSettings;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.net.URI;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Starts the IKE gateway once the CA exists (after {@code FirstStart}): its own certificate from
 * the CA, the CA chain as trust anchors, the peer authenticator with live revocation checking as
 * configured, then the UDP sockets.
 */
@ApplicationScoped
public class IkeStartup {

    private static final Logger LOG = Logger.getLogger(IkeStartup.class);

    private final IkeSettings settings;
    private final PortcullisConfig config;
    private final GatewayCredentialStore credentials;
    private final CaKeyring keyring;
    private final IkeGateway gateway;
    private final SecureRandom random;
    private final RevocationDecisionAudit decisions;
    private volatile Optional<LiveRevocationChecker> revocationChecker = Optional.empty();

    public IkeStartup(IkeSettings settings, PortcullisConfig config, GatewayCredentialStore credentials,
            CaKeyring keyring, IkeGateway gateway, SecureRandom random, RevocationDecisionAudit decisions) {
        this.settings = settings;
        this.config = config;
        this.credentials = credentials;
        this.keyring = keyring;
        this.gateway = gateway;
        this.random = random;
        this.decisions = decisions;
    }

    /** After FirstStart (default priority), which creates the CA hierarchy on first start. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent event) {
        if (!settings.enabled()) {
            LOG.info("IKE responder disabled (PORTCULLIS_IKE_ENABLED=false)");
            return;
        }
        GatewayIdentity id = identity();
        GatewayCredentials own = credentials.ensure(id, publicHost());
        if (gateway.start(own, authenticator())) {
            revocationChecker.ifPresent(checker -> gateway.startRevocationRecheck(checker::recheck,
                    settings.revocationRecheckInterval()));
        }
    }

    /** The checker in use, so that an in-process revocation can drop its cached answers. */
    Optional<LiveRevocationChecker> revocationChecker() {
        return revocationChecker;
    }

    GatewayIdentity identity() {
        return GatewayIdentity.parse(settings.id().orElseGet(() -> "fqdn:" + publicHost().orElse("localhost")));
    }

    private Optional<String> publicHost() {
        try {
            return Optional.ofNullable(URI.create(config.publicUrl()).getHost());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Trust anchors: the issuing CA and the root, both, because strongSwan sends only its end
     * certificate and the PKIX path must still reach an anchor.
     */
    private PeerAuthenticator authenticator() {
        List<X509Certificate> anchors = keyring.chain().stream().map(PemCodec::toJca).toList();
        PeerAuthenticator pkix = new StaticTrustPeerAuthenticator(anchors, GatewayPolicies.eku(settings));
        if (settings.addressIdDelegation()) {
            pkix = new AddressIdDelegation(pkix);
        }
        GatewayPolicies.RevocationMode mode = GatewayPolicies.revocation(settings);
        if (mode == GatewayPolicies.RevocationMode.OFF) {
            LOG.warn("IKE peer revocation checking is OFF (portcullis.ike.revocation=off): revoked peers are accepted");
            return pkix;
        }
        IkeSettings.Revocation client = settings.revocationClient();
        LiveRevocationChecker checker = new LiveRevocationChecker(client.timeout(), client.maxResponseBytes(),
                client.ocspCacheSize(), client.crlCacheSize(), random, decisions);
        revocationChecker = Optional.of(checker);
        return new RevocationCheckingAuthenticator(pkix, checker, mode == GatewayPolicies.RevocationMode.STRICT);
    }
}
