package io.portcullis.ike.runtime;

import io.portcullis.ike.dataplane.EspDataPlane;
import io.portcullis.ike.esp.ReplayWindow;
import io.portcullis.ike.tun.IpCommand;
import io.portcullis.ike.tun.TunDevice;
import io.portcullis.ike.tun.TunRoutes;
import io.portcullis.ike.tun.TunUnavailableException;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Creates the TUN device and the data plane around it, or says in one line why there is none (no
 * CAP_NET_ADMIN, no /dev/net/tun, no iproute2) — then IKE runs alone and ESP packets are counted.
 */
final class DataPlaneSetup {
    private static final Logger LOG = Logger.getLogger(DataPlaneSetup.class);

    private DataPlaneSetup() {
    }

    static Optional<EspDataPlane> open(IkeSettings settings, Clock clock, SecureRandom random) {
        IkeSettings.Tun tun = settings.tun();
        if (!tun.enabled()) {
            LOG.info("ESP data plane off (PORTCULLIS_IKE_TUN_ENABLED=false): IKE only, ESP packets are counted and dropped");
            return Optional.empty();
        }
        int window = settings.esp().replayWindow();
        if (window < 32 || window > ReplayWindow.MAX_SIZE) {
            throw new IllegalArgumentException("portcullis.ike.esp.replay-window must be 32.." + ReplayWindow.MAX_SIZE
                    + ", not " + window);
        }
        if (tun.mtu() < 576 || tun.mtu() > 65_535) {
            throw new IllegalArgumentException("portcullis.ike.tun.mtu must be 576..65535, not " + tun.mtu());
        }
        TunDevice device;
        try {
            device = TunDevice.open(tun.name());
        } catch (TunUnavailableException e) {
            LOG.warnf("ESP data plane off, IKE runs without tunnel traffic: %s", e.getMessage());
            return Optional.empty();
        }
        TunRoutes routes = new TunRoutes(new IpCommand(tun.ipCommand()), device.name());
        try {
            routes.configureLink(tun.mtu());
        } catch (IOException e) {
            device.close();
            LOG.warnf("ESP data plane off, IKE runs without tunnel traffic: TUN device %s cannot be set up: %s",
                    device.name(), e.getMessage());
            return Optional.empty();
        }
        LOG.infof("ESP data plane on TUN device %s (MTU %d, anti-replay window %d)", device.name(), tun.mtu(), window);
        return Optional.of(new EspDataPlane(device, routes, clock, random, window));
    }
}
