package io.portcullis.ike.runtime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every {@code portcullis.ike.*} setting of the gateway, validated at startup; each also reads
 * from the environment ({@code portcullis.ike.natt-port} ← {@code PORTCULLIS_IKE_NATT_PORT}).
 * A mapping of its own (not a group of ca-service's {@code PortcullisConfig}) because
 * ike-responder must not depend on ca-service; SmallRye lets a {@code portcullis.ike} mapping
 * sit beside the {@code portcullis} one and gives each property to the longest prefix.
 */
@ConfigMapping(prefix = "portcullis.ike")
public interface IkeSettings {

    /** Whether the IKE responder listens at all. */
    @WithDefault("true")
    boolean enabled();

    /** Address to bind the UDP sockets to; absent means every address. */
    Optional<String> address();

    /** The IKE port (RFC 2408); 0 picks a free port (tests). */
    @WithDefault("500")
    int port();

    /** The NAT-T port (RFC 3947/3948: IKE behind a non-ESP marker, and ESP-in-UDP); 0 picks a free port. */
    @WithName("natt-port")
    @WithDefault("4500")
    int nattPort();

    /**
     * The gateway's Phase 1 ID: {@code fqdn:gw.example.net}, {@code ipv4:192.0.2.1},
     * {@code ipv6:2001:db8::1}, {@code email:vpn@example.net} or a distinguished name
     * ({@code CN=gw,O=Example}). Absent: {@code fqdn:} the host of the public URL.
     */
    Optional<String> id();

    /** The protected subnets behind the gateway, comma-separated CIDRs; Quick Mode offers nothing else. */
    Optional<List<String>> subnets();

    /**
     * A peer whose certificate has no RFC 3779 extension but whose ID is an IP address (bound to
     * its iPAddress SAN) may tunnel that single address (host selector). Off: such peers get no
     * Quick Mode at all until their certificates delegate subnets.
     */
    @WithDefault("true")
    boolean addressIdDelegation();

    Algorithms algorithms();

    /** Which extended key usages a peer certificate must carry: ike-or-tls, ipsec-ike or unchecked. */
    @WithDefault("ike-or-tls")
    String eku();

    /**
     * Live revocation checking of peer certificates: {@code strict} (OCSP, CRL fallback; no answer
     * refuses the peer), {@code soft} (no answer is accepted; a REVOKED answer still refuses), or
     * {@code off}.
     */
    @WithDefault("strict")
    String revocation();

    Revocation revocationClient();

    Limits limits();

    /**
     * How often the certificates of connected peers are checked again (OCSP, CRL fallback, no cache), for
     * a gateway that runs apart from the CA and so never sees its revocation events; 0 turns it off.
     */
    @WithDefault("PT60S")
    Duration revocationRecheckInterval();

    /**
     * Active dead peer detection (RFC 3706): a peer that announced DPD and has been silent this long — no IKE
     * message, no ESP — is sent an R-U-THERE, and another one this often while none is answered. 0 sends none
     * (passive: only peers that send R-U-THERE themselves are watched, see {@link #dpdTimeout()}).
     */
    @WithDefault("PT30S")
    Duration dpdDelay();

    /**
     * Dead peer detection: a peer whose R-U-THERE has gone unanswered this long (or, passively, a peer that sends
     * R-U-THERE and is silent this long) is declared dead and its SAs are deleted.
     */
    @WithDefault("PT150S")
    Duration dpdTimeout();

    /** The TUN device of the ESP data plane. */
    Tun tun();

    /** The ESP data plane. */
    Esp esp();

    /** Threads of the IKE engine. */
    Workers workers();

    /** How often half-open exchanges and expired SAs are swept. */
    @WithDefault("PT5S")
    Duration expireInterval();

    interface Tun {
        /** Carry ESP traffic through a TUN device; off runs IKE only (ESP packets are counted and dropped). */
        @WithDefault("true")
        boolean enabled();

        /** Interface name (at most 15 characters). */
        @WithDefault("portcullis0")
        String name();

        /** MTU of the device: room for ESP, UDP and outer IP headers inside a 1500-octet path. */
        @WithDefault("1400")
        int mtu();

        /** The iproute2 {@code ip} executable that sets the link up and installs routes. */
        @WithDefault("ip")
        String ipCommand();
    }

    interface Esp {
        /** Anti-replay window of inbound SAs, in packets (RFC 4303 §3.4.3), 32..4096. */
        @WithDefault("128")
        int replayWindow();
    }

    interface Algorithms {
        /**
         * Accept 3DES, HMAC-SHA1 (Phase 1 PRF and ESP integrity) and MODP-1024 in addition to the
         * strong set. Off by default: those are offered by old peers only.
         */
        @WithDefault("false")
        boolean allowWeak();

        /** Refuse Quick Mode proposals without PFS. */
        @WithDefault("false")
        boolean requirePfs();

        /** The longest ISAKMP SA lifetime accepted. */
        @WithDefault("PT24H")
        Duration maxIkeLifetime();

        /** Our IPsec SA lifetime (shorter proposals are kept, longer ones get RESPONDER-LIFETIME). */
        @WithDefault("PT1H")
        Duration childLifetime();

        /** Our IPsec SA volume limit in kilobytes (RFC 2407 §4.5), 0 for none; shorter proposals are kept. */
        @WithDefault("0")
        long childLifetimeKilobytes();

        /** Largest IKE datagram sent before fragmenting (for peers that announced fragmentation). */
        @WithDefault("1252")
        int fragmentSize();
    }

    interface Revocation {
        /** Connect and read timeout of each OCSP or CRL fetch. */
        @WithDefault("PT5S")
        Duration timeout();

        /** OCSP answers kept until their nextUpdate; the oldest go first beyond this. */
        @WithDefault("1024")
        int ocspCacheSize();

        /** CRLs kept until their nextUpdate. */
        @WithDefault("8")
        int crlCacheSize();

        /** Largest OCSP response or CRL read from the network. */
        @WithDefault("4194304")
        int maxResponseBytes();
    }

    interface Limits {
        /** Main Modes in progress overall. */
        @WithDefault("1024")
        int halfOpen();

        /** Main Modes in progress from one address. */
        @WithDefault("16")
        int halfOpenPerSource();

        @WithDefault("PT30S")
        Duration halfOpenTimeout();

        /** Established IKE SAs. */
        @WithDefault("10000")
        int established();
    }

    interface Workers {
        /**
         * Threads processing IKE messages, each owning a share of the IKE SAs (so one SA's messages
         * stay in order while different SAs are processed in parallel); 0 = one per processor.
         */
        @WithDefault("0")
        int exchange();

        /**
         * Threads running the peer checks of Main Mode message 5 (PKIX path, OCSP and CRL fetches),
         * so a slow OCSP responder delays only the peers it is asked about.
         */
        @WithDefault("8")
        int authentication();

        /** Peer checks that may wait for a thread; a Main Mode arriving beyond it is dropped. */
        @WithDefault("256")
        int authenticationQueue();
    }
}
