package io.portcullis.ike.tun;

import io.portcullis.ike.esp.IpPrefix;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The routes that send traffic for tunnels' remote subnets into the TUN device, as strongSwan's
 * kernel-libipsec installs them for its ipsec0: one route per remote prefix, reference-counted over
 * the IPsec SAs that use it (a rekey installs the new SA before the old one goes, so the route stays),
 * removed with the last one. A local address inside the tunnel's own selector is set as the preferred
 * source, so that traffic the gateway host itself originates leaves from an address the tunnel carries.
 */
public final class TunRoutes implements io.portcullis.ike.dataplane.RouteInstaller {
    private static final Logger LOG = Logger.getLogger(TunRoutes.class);

    private final IpCommand ip;
    private final String device;
    private final Map<IpPrefix, Integer> users = new HashMap<>();

    public TunRoutes(IpCommand ip, String device) {
        this.ip = ip;
        this.device = device;
    }

    /** Sets the MTU and brings the device up. */
    public void configureLink(int mtu) throws IOException {
        ip.run(List.of("link", "set", "dev", device, "mtu", Integer.toString(mtu), "up"));
    }

    /** One more SA routes {@code remote} through the device; the first installs the route. */
    @Override
    public synchronized void add(IpPrefix remote, IpPrefix localSelector) {
        int count = users.merge(remote, 1, Integer::sum);
        if (count > 1) {
            return;
        }
        Optional<InetAddress> source = localAddressIn(localSelector);
        List<String> args = new java.util.ArrayList<>(List.of(family(remote), "route", "replace", remote.toString(),
                "dev", device));
        source.ifPresent(s -> {
            args.add("src");
            args.add(s.getHostAddress());
        });
        try {
            ip.run(args);
            LOG.infof("route %s via %s%s installed", remote, device, source.map(s -> " src " + s.getHostAddress()).orElse(""));
        } catch (IOException e) {
            LOG.warnf("route %s via %s not installed: %s", remote, device, e.getMessage());
        }
    }

    /** One SA fewer; the last removes the route. */
    @Override
    public synchronized void remove(IpPrefix remote) {
        Integer count = users.get(remote);
        if (count == null) {
            return;
        }
        if (count > 1) {
            users.put(remote, count - 1);
            return;
        }
        users.remove(remote);
        try {
            ip.run(List.of(family(remote), "route", "del", remote.toString(), "dev", device));
            LOG.infof("route %s via %s removed", remote, device);
        } catch (IOException e) {
            LOG.warnf("route %s via %s not removed: %s", remote, device, e.getMessage());
        }
    }

    /** The prefixes currently routed into the device. */
    public synchronized List<IpPrefix> routed() {
        return List.copyOf(users.keySet());
    }

    /** Removes every route this object installed (shutdown). */
    @Override
    public synchronized void removeAll() {
        for (IpPrefix prefix : List.copyOf(users.keySet())) {
            users.put(prefix, 1);
            remove(prefix);
        }
    }

    private static String family(IpPrefix prefix) {
        return prefix.addressBytes() == 4 ? "-4" : "-6";
    }

    /** The first address of a local interface inside {@code selector}, if the host has one. */
    public static Optional<InetAddress> localAddressIn(IpPrefix selector) {
        try {
            for (java.net.NetworkInterface nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : java.util.Collections.list(nic.getInetAddresses())) {
                    byte[] raw = address.getAddress();
                    if (raw.length == selector.addressBytes() && selector.contains(raw, 0, raw.length)) {
                        return Optional.of(InetAddress.getByAddress(raw));
                    }
                }
            }
        } catch (java.net.SocketException | UnknownHostException e) {
            LOG.debugf("cannot list local addresses: %s", e.getMessage());
        }
        return Optional.empty();
    }
}
