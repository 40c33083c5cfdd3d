package io.portcullis.enrollment.scep;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

/** Creates the SCEP RA key on first start, after the server's bootstrap has created the CA hierarchy. */
@ApplicationScoped
public class ScepRaBootstrap {

    private static final Logger LOG = Logger.getLogger(ScepRaBootstrap.class);
    private final ScepRa ra;

    public ScepRaBootstrap(ScepRa ra) {
        this.ra = ra;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) StartupEvent event) {
        try {
            ra.ensure();
        } catch (RuntimeException e) {
            // SCEP creates it on first use instead; the rest of the server keeps running.
            LOG.warnf("SCEP RA not created at start (%s); it will be created on the first SCEP request", e.getMessage());
        }
    }
}
