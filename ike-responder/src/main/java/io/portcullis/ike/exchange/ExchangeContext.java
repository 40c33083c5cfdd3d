package io.portcullis.ike.exchange;

import io.portcullis.ike.exchange.auth.GatewayCredentials;
import io.portcullis.ike.exchange.auth.PeerAuthenticator;
import io.portcullis.ike.exchange.auth.PreSharedKeys;
import io.portcullis.ike.exchange.policy.GatewayPolicy;
import io.portcullis.ike.isakmp.IsakmpDecoder;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * What every exchange of the engine shares, whichever role it runs in: policy, credentials, the authentication ports,
 * the injected clock and random source, and the SPI allocator.
 */
public record ExchangeContext(GatewayPolicy policy, Optional<GatewayCredentials> credentials,
        PeerAuthenticator authenticator, PreSharedKeys preSharedKeys, Clock clock, SecureRandom random,
        SpiAllocator spis, IsakmpDecoder decoder) {

    public ExchangeContext {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(preSharedKeys, "preSharedKeys");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(spis, "spis");
        Objects.requireNonNull(decoder, "decoder");
    }

    public static ExchangeContext of(GatewayPolicy policy, GatewayCredentials credentials,
            PeerAuthenticator authenticator, PreSharedKeys preSharedKeys, Clock clock, SecureRandom random) {
        return new ExchangeContext(policy, Optional.ofNullable(credentials), authenticator, preSharedKeys, clock,
                random, new SpiAllocator(random), new IsakmpDecoder());
    }

    /** Length of the nonces we send in Main Mode and Quick Mode, either role (RFC 2409 §5: 8 to 256 bytes). */
    static final int NONCE_LENGTH = 32;

    /** A fresh nonce of ours. */
    byte[] nonce() {
        return randomBytes(NONCE_LENGTH);
    }

    byte[] randomBytes(int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }

    /**
     * A random non-zero message ID (RFC 2408 §3.1). Under an IKE SA take it from {@link IkeSa#freshMessageId}, which
     * also keeps it unique within the SA; directly only for the Phase 1 notifies sent before an IKE SA exists.
     */
    int newMessageId() {
        int id;
        do {
            id = random.nextInt();
        } while (id == 0);
        return id;
    }
}
