package io.portcullis.ike.dataplane;

import io.portcullis.ike.esp.IpPrefix;

/** Routes a tunnel's remote subnet into the packet device while an SA uses it (reference-counted). */
public interface RouteInstaller {
    /** One more SA pair with this remote prefix; {@code localSelector} is the gateway side of its selectors. */
    void add(IpPrefix remote, IpPrefix localSelector);

    /** One pair fewer. */
    void remove(IpPrefix remote);

    void removeAll();

    RouteInstaller NONE = new RouteInstaller() {
        @Override
        public void add(IpPrefix remote, IpPrefix localSelector) {
        }

        @Override
        public void remove(IpPrefix remote) {
        }

        @Override
        public void removeAll() {
        }
    };
}
