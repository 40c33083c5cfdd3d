package io.portcullis.ui.tunnel;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Used when the application runs no IKE responder: no tunnels, and the page says why. */
@DefaultBean
@ApplicationScoped
public class NoTunnels implements TunnelDirectory {

    @Override
    public boolean running() {
        return false;
    }

    @Override
    public List<Tunnel> list() {
        return List.of();
    }

    @Override
    public boolean delete(String id) {
        return false;
    }
}
