package io.portcullis.ike.bench;

import io.portcullis.ike.esp.IpPrefix;
import io.portcullis.ike.exchange.ChildSaEstablished;
import io.portcullis.ike.exchange.IkeEngine;
import io.portcullis.ike.exchange.ExchangeContext;
import io.portcullis.ike.exchange.IkeLimits;
import io.portcullis.ike.exchange.auth.EkuPolicy;
import io.portcullis.ike.exchange.auth.GatewayCredentials;
import io.portcullis.ike.exchange.auth.PreSharedKeys;
import io.portcullis.ike.exchange.auth.StaticTrustPeerAuthenticator;
import io.portcullis.ike.exchange.policy.GatewayPolicy;
import io.portcullis.ike.isakmp.IdentificationPayload;
import io.portcullis.ike.runtime.CountingEspHook;
import io.portcullis.ike.runtime.IkeSettings;
import io.portcullis.ike.runtime.IkeTransport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import javax.security.auth.x500.X500Principal;

/**
 * The Portcullis side of the IKE benchmark, in a JVM of its own (so its memory is measured apart
 * from the initiator's): the production responder and UDP transport ({@link IkeEngine},
 * {@link IkeTransport}) with the production policy defaults and worker threads, PKIX peer validation against the
 * bench CA (no revocation sources exist in the bench PKI, as for the strongSwan responder), bound
 * to UDP 500 and 4500. Driven over stdin: {@code heap} answers the live heap after a full GC and
 * the number of IKE SAs; {@code quit} stops.
 *
 * <p>Usage: {@code BenchResponder PKI_DIR BIND_ADDRESS}
 */
public final class BenchResponder {

    private BenchResponder() {
    }

    public static void main(String[] args) throws Exception {
        BenchPki pki = BenchPki.load(Path.of(args[0]));
        InetAddress bind = InetAddress.getByName(args[1]);
        GatewayCredentials credentials = new GatewayCredentials(pki.gatewayKey(), List.of(pki.gateway(), pki.ca()),
                IdentificationPayload.fqdn("gw.test"), List.of(new X500Principal(pki.ca().getSubjectX500Principal().getEncoded())));
        GatewayPolicy policy = GatewayPolicy.strongDefaults(List.of(IpPrefix.parse("198.51.100.0/24")));
        SecureRandom random = new SecureRandom();
        ExchangeContext ctx = ExchangeContext.of(policy, credentials,
                new StaticTrustPeerAuthenticator(List.of(pki.ca()), EkuPolicy.ikeOrTls()), PreSharedKeys.none(),
                Clock.systemUTC(), random);
        // One initiator address drives every handshake: the per-source half-open bound (16 by default)
        // must not cap the benchmark's concurrency (strongSwan has no per-source bound by default).
        IkeLimits limits = IkeLimits.defaults().withHalfOpen(4096, 4096);
        // As the gateway runs it (IkeGateway): a shard and a lane per processor, peer checks on their own pool.
        IkeEngine responder = new IkeEngine(ctx, limits, Runtime.getRuntime().availableProcessors(), true);
        IkeSettings.Workers workers = new IkeSettings.Workers() {
            @Override
            public int exchange() {
                return 0;
            }

            @Override
            public int authentication() {
                return 8;
            }

            @Override
            public int authenticationQueue() {
                return 256;
            }
        };
        LongAdder children = new LongAdder();
        try (IkeTransport transport = IkeTransport.open(responder, new InetSocketAddress(bind, 500),
                new InetSocketAddress(bind, 4500), new CountingEspHook(), event -> {
                    if (event instanceof ChildSaEstablished) {
                        children.increment();
                    }
                }, workers)) {
            System.out.println("READY");
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
            for (String line; (line = in.readLine()) != null && !line.equals("quit");) {
                if (line.equals("heap")) {
                    for (int i = 0; i < 3; i++) {
                        System.gc();
                    }
                    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                    System.out.println("HEAP " + used + " IKE_SAS " + responder.ikeSas().size() + " CHILD_SAS " + children.sum());
                    System.out.flush();
                }
            }
        }
    }
}
