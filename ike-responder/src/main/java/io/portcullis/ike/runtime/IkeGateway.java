package io.portcullis.ike.runtime;

import io.portcullis.ike.dataplane.EspDataPlane;
import io.portcullis.ike.dataplane.SaLifecycle;
import io.portcullis.ike.exchange.DpdPolicy;
import io.portcullis.ike.exchange.IkeEvent;
import io.portcullis.ike.exchange.IkeEngine;
import io.portcullis.ike.exchange.IkeSaId;
import io.portcullis.ike.exchange.IkeSaView;
import io.portcullis.ike.exchange.ExchangeContext;
import io.portcullis.ike.exchange.IkeOutput;
import io.portcullis.ike.exchange.auth.AuthenticatedPeer;
import io.portcullis.ike.exchange.auth.GatewayCredentials;
import io.portcullis.ike.exchange.auth.PeerAuthenticator;
import io.portcullis.ike.exchange.auth.PreSharedKeys;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * The running IKE gateway (both roles) inside the server: started by the server once the gateway's own
 * credentials and the peer authenticator exist (they need the CA), bound to UDP 500 and 4500,
 * sweeping expired state on a timer and running what the gateway starts itself (rekeys, DPD) on
 * another. Without the privilege to bind it logs one line with the remedy and stays stopped;
 * everything else in the process keeps running.
 */
@ApplicationScoped
public class IkeGateway {

    private static final Logger LOG = Logger.getLogger(IkeGateway.class);
    /** Granularity of the gateway's own timers (rekeys, retransmissions, DPD): their delays are seconds. */
    private static final java.time.Duration TIMER_TICK = java.time.Duration.ofSeconds(1);

    private final IkeSettings settings;
    private final Clock clock;
    private final SecureRandom random;
    private final CountingEspHook counting = new CountingEspHook();
    private volatile Running running;
    private ScheduledExecutorService recheck;

    /** {@code esp} is the data plane when a TUN device could be set up, else the counting hook. */
    private record Running(IkeEngine engine, IkeTransport transport, ScheduledExecutorService sweeper,
            EspHook esp, Optional<EspDataPlane> dataPlane) {
    }

    public IkeGateway(IkeSettings settings, Clock clock, SecureRandom random) {
        this.settings = settings;
        this.clock = clock;
        this.random = random;
    }

    /** Whether the sockets are bound and the engine answers. */
    public boolean running() {
        return running != null;
    }

    /**
     * Binds and starts. Returns false (after logging why, once) when disabled by setting or when
     * the sockets cannot be bound.
     */
    public synchronized boolean start(GatewayCredentials credentials, PeerAuthenticator authenticator) {
        if (running != null) {
            throw new IllegalStateException("the IKE gateway is already running");
        }
        DpdPolicy dpd = GatewayPolicies.dpd(settings); // checked before anything is bound
        ExchangeContext ctx = ExchangeContext.of(GatewayPolicies.policy(settings), credentials, authenticator,
                PreSharedKeys.none(), clock, random);
        int lanes = settings.workers().exchange() > 0 ? settings.workers().exchange()
                : Runtime.getRuntime().availableProcessors();
        IkeEngine engine = new IkeEngine(ctx, GatewayPolicies.limits(settings), lanes, true);
        InetAddress bind = bindAddress();
        // Bind first: without the sockets there is no IKE, and the operator reads one line about the ports only.
        DelegatingEspHook hook = new DelegatingEspHook(counting);
        IkeTransport transport;
        try {
            transport = IkeTransport.open(engine, new InetSocketAddress(bind, settings.port()),
                    new InetSocketAddress(bind, settings.nattPort()), hook, new IkeEventLog(), settings.workers());
        } catch (IkeTransport.BindException e) {
            LOG.warn(e.getMessage());
            return false;
        }
        Optional<EspDataPlane> dataPlane = DataPlaneSetup.open(settings, clock, random);
        EspHook esp = dataPlane.<EspHook>map(p -> p).orElse(counting);
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ike-expire");
            t.setDaemon(true);
            return t;
        });
        // Lifetime events arrive on the packet threads; the IKE work they cause runs on the sweeper thread.
        dataPlane.ifPresent(p -> p.start(transport::sendEsp, new SaLifecycle() {
            @Override
            public void softLimitReached(int inboundSpi) {
                // Unless the peer has rekeyed the pair already, the gateway starts the Quick Mode itself.
                sweeper.execute(() -> transport.dispatch(engine.rekeyChildSa(inboundSpi)));
            }

            @Override
            public void hardLimitReached(int inboundSpi) {
                sweeper.execute(() -> transport.dispatch(engine.deleteChildSa(inboundSpi, IkeEvent.Cause.EXPIRED)));
            }
        }));
        long every = Math.max(100, settings.expireInterval().toMillis());
        sweeper.scheduleWithFixedDelay(() -> sweep(engine, transport, dataPlane), every, every, TimeUnit.MILLISECONDS);
        long tick = Math.min(every, TIMER_TICK.toMillis());
        sweeper.scheduleWithFixedDelay(() -> timers(engine, transport, dataPlane, dpd), tick, tick,
                TimeUnit.MILLISECONDS);
        hook.delegateTo(esp); // no SA exists yet: nothing was installed in the counting hook meanwhile
        running = new Running(engine, transport, sweeper, esp, dataPlane);
        LOG.infof("IKE responder listening on UDP %s:%d and %s:%d (NAT-T) as %s", bind.getHostAddress(),
                transport.ikePort(), bind.getHostAddress(), transport.nattPort(),
                credentials.identity().idType() + " " + io.portcullis.ike.exchange.auth.Identities.describe(credentials.identity()));
        return true;
    }

    /** Hard lifetimes and half-open timeouts: every {@code expire-interval}. */
    private static void sweep(IkeEngine engine, IkeTransport transport, Optional<EspDataPlane> dataPlane) {
        try {
            transport.dispatch(engine.expire());
            dataPlane.ifPresent(EspDataPlane::pollLifetimes);
        } catch (RuntimeException e) {
            // The next sweep runs regardless; a scheduled task that throws would be cancelled for good.
            LOG.errorf(e, "IKE expiry sweep failed");
        }
    }

    /**
     * What the gateway initiates on its own, every second: retransmissions of Main Modes it started, rekeys at soft lifetimes and their retransmissions,
     * then dead peer detection — after the data plane told which peers sent ESP, so a busy tunnel is never probed.
     */
    private static void timers(IkeEngine engine, IkeTransport transport, Optional<EspDataPlane> dataPlane,
            DpdPolicy dpd) {
        try {
            dataPlane.ifPresent(p -> engine.heardFrom(p.drainInboundActivity()));
            dataPlane.ifPresent(p -> p.drainPeerMoves().forEach(engine::peerMovedTo));
            transport.dispatch(engine.retransmitDue());
            transport.dispatch(engine.rekeyDue());
            transport.dispatch(engine.detectDeadPeers(dpd));
        } catch (RuntimeException e) {
            LOG.errorf(e, "IKE timers failed");
        }
    }

    private InetAddress bindAddress() {
        String address = settings.address().map(String::strip).filter(a -> !a.isEmpty()).orElse("0.0.0.0");
        try {
            // Only literals are accepted (IpPrefix checks), so this never resolves a name.
            io.portcullis.ike.esp.IpPrefix literal = io.portcullis.ike.esp.IpPrefix.parse(address);
            return InetAddress.getByAddress(literal.networkAddress());
        } catch (IllegalArgumentException | UnknownHostException e) {
            throw new IllegalArgumentException("portcullis.ike.address '" + address + "' is not an IP address literal", e);
        }
    }

    /** The bound ports, when running (ephemeral ports in tests). */
    public Optional<int[]> ports() {
        Running r = running;
        return r == null ? Optional.empty() : Optional.of(new int[] {r.transport().ikePort(), r.transport().nattPort()});
    }

    public List<IkeSaView> ikeSas() {
        Running r = running;
        return r == null ? List.of() : r.engine().ikeSas();
    }

    /** Inbound ESP traffic counted on the SA we chose {@code inboundSpi} for. */
    public EspHook.Traffic inboundTraffic(int inboundSpi) {
        Running r = running;
        return r == null ? EspHook.Traffic.NONE : r.esp().inbound(inboundSpi);
    }

    /** The ESP data plane, when the gateway runs one (a TUN device could be set up). */
    public Optional<EspDataPlane> dataPlane() {
        Running r = running;
        return r == null ? Optional.empty() : r.dataPlane();
    }

    /** The peers of the established IKE SAs. */
    public List<AuthenticatedPeer> connectedPeers() {
        Running r = running;
        return r == null ? List.of() : r.engine().connectedPeers();
    }

    /** Deletes one IKE SA with DELETE notifies; false when there is none by that id. */
    public boolean deleteSa(IkeSaId id) {
        Running r = running;
        if (r == null) {
            return false;
        }
        IkeOutput output = r.engine().deleteSa(id);
        r.transport().dispatch(output);
        return !output.events().isEmpty();
    }

    /** Deletes every IKE SA of the matching peers (revocation); returns how many IKE SAs went. */
    public int deletePeer(Predicate<AuthenticatedPeer> which) {
        Running r = running;
        if (r == null) {
            return 0;
        }
        IkeOutput output = r.engine().deletePeer(which);
        r.transport().dispatch(output);
        return (int) output.events().stream()
                .filter(e -> e instanceof io.portcullis.ike.exchange.IkeEvent.IkeSaDeleted).count();
    }

    /**
     * Re-checks the certificates of connected peers every {@code interval} with {@code freshChecker} (no
     * cached answers) and deletes the tunnels of revoked ones: for a gateway deployed apart from the CA.
     */
    public synchronized void startRevocationRecheck(io.portcullis.ike.exchange.auth.RevocationChecker freshChecker,
            java.time.Duration interval) {
        if (running == null || recheck != null || interval.isZero() || interval.isNegative()) {
            return;
        }
        recheck = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ike-revocation-recheck");
            t.setDaemon(true);
            return t;
        });
        ConnectedPeerRecheck task = new ConnectedPeerRecheck(this::connectedPeers, freshChecker, this::deletePeer, clock);
        long millis = Math.max(1_000, interval.toMillis());
        recheck.scheduleWithFixedDelay(task, millis, millis, TimeUnit.MILLISECONDS);
        LOG.infof("IKE: certificates of connected peers are re-checked for revocation every %s", interval);
    }

    public synchronized void stop() {
        if (recheck != null) {
            recheck.shutdownNow();
            recheck = null;
        }
        Running r = running;
        running = null;
        if (r != null) {
            r.sweeper().shutdownNow();
            r.transport().close();
            r.dataPlane().ifPresent(EspDataPlane::close);
            LOG.info("IKE responder stopped");
        }
    }

    void onShutdown(@Observes ShutdownEvent event) {
        stop();
    }
}
