package io.portcullis.revocation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Optional;

/** The OCSP responder ({@code portcullis.ocsp.*}); validated at startup. */
@ConfigMapping(prefix = "portcullis.ocsp")
public interface OcspConfig {

    /** nextUpdate − thisUpdate of each response (RFC 5019 2.2.4); cached responses are re-signed at half this age. */
    @WithDefault("PT1H")
    Duration responseValidity();

    /**
     * A cached response older than this re-reads the certificate's status from the database
     * before it is served, so instances sharing a database converge after a revocation made
     * elsewhere. Revocations in this process drop the cache at once, whatever this says.
     */
    @WithDefault("PT5S")
    Duration recheckAfter();

    /** Upper bound of Cache-Control max-age on GET responses (an HTTP cache cannot be recalled). */
    @WithDefault("PT1M")
    Duration httpMaxAge();

    /** Pre-signed responses kept; beyond this, arbitrary entries are evicted. */
    @WithDefault("100000")
    @Min(1)
    int cacheSize();

    /** Largest DER request accepted; anything bigger is a malformedRequest. */
    @WithDefault("8192")
    @Min(256)
    @Max(65536)
    int maxRequestBytes();

    /** Most certificate IDs answered in one request. */
    @WithDefault("32")
    @Min(1)
    @Max(1000)
    int maxCertificatesPerRequest();

    /** Longest nonce accepted (RFC 8954 2.1 caps it at 32 octets). */
    @WithDefault("32")
    @Min(1)
    @Max(128)
    int maxNonceBytes();

    Signer signer();

    Listener listener();

    /**
     * The dedicated OCSP listener: plain HTTP on a port of its own that serves nothing but OCSP,
     * as {@code openssl ocsp -port} does. It accepts connections on its event loops instead of
     * handing each from an acceptor thread, which is most of an OCSP exchange when clients open a
     * connection per request. Off unless a port is set; {@code /ocsp} on the main HTTP port
     * answers either way. Point {@code portcullis.ocsp-url} at it so certificates name it.
     */
    interface Listener {
        /** TCP port; absent = no listener; 0 = any free port (tests). */
        Optional<Integer> port();

        /** Address to bind. */
        @WithDefault("0.0.0.0")
        String host();

        /** Event-loop threads (accept, HTTP, cached answers); absent = one per two processors. */
        Optional<Integer> ioThreads();

        /** Threads that read the database and sign when no pre-signed answer fits. */
        @WithDefault("4")
        @Min(1)
        @Max(256)
        int workers();

        /** Requests waiting for a worker; beyond this, answered tryLater. */
        @WithDefault("1024")
        @Min(1)
        int workQueue();

        /** A connection that sends and receives nothing for this long is closed. */
        @WithDefault("PT30S")
        Duration idleTimeout();

        /**
         * Linux TCP_DEFER_ACCEPT (epoll only): a connection reaches the listener only once its first
         * bytes have arrived, so accept and read take one event-loop wake-up instead of two. A client
         * that connects and stays silent is still accepted about a second later, then meets the idle
         * timeout. Off: every connection is accepted at the end of its handshake.
         */
        @WithDefault("true")
        boolean deferAccept();
    }

    interface Signer {
        /** Key type of the delegated responder: ec-p256, ec-p384, rsa-2048, rsa-3072, rsa-4096. */
        @WithDefault("ec-p256")
        String keyAlgorithm();

        /** Lifetime of the responder certificate (profile ocsp-signer allows at most 30 days). */
        @WithDefault("P7D")
        Duration validity();

        /** The responder certificate is replaced when less than this remains. */
        @WithDefault("P2D")
        Duration renewBefore();
    }
}
