package io.portcullis.server;

import io.portcullis.ca.auth.FirstAdmin;
import io.portcullis.ca.authority.CaBootstrapper;
import io.portcullis.ca.config.ConfigurationAudit;
import io.portcullis.ca.config.DataDirectory;
import io.portcullis.ca.config.PortcullisConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * First-start bootstrap and the welcome lines: creates the CA hierarchy and the first admin when
 * the database has none, then prints where everything is. Safe to run on every start and on
 * several instances at once.
 */
@ApplicationScoped
public class FirstStart {

    private static final Logger LOG = Logger.getLogger(FirstStart.class);

    private final CaBootstrapper caBootstrapper;
    private final FirstAdmin firstAdmin;
    private final ConfigurationAudit configurationAudit;
    private final PortcullisConfig config;
    private final DataDirectory dataDirectory;
    private final int httpPort;

    public FirstStart(CaBootstrapper caBootstrapper, FirstAdmin firstAdmin, ConfigurationAudit configurationAudit, PortcullisConfig config, DataDirectory dataDirectory,
            @ConfigProperty(name = "quarkus.http.port") int httpPort) {
        this.caBootstrapper = caBootstrapper;
        this.firstAdmin = firstAdmin;
        this.configurationAudit = configurationAudit;
        this.config = config;
        this.dataDirectory = dataDirectory;
        this.httpPort = httpPort;
    }

    void onStart(@Observes StartupEvent event) {
        dataDirectory.restrictToOwner();
        if (!caBootstrapper.ensureHierarchy()) {
            LOG.info("CA hierarchy found in the database; using it");
        }
        Optional<Path> passwordFile = firstAdmin.ensureExists();
        if (configurationAudit.recordIfChanged()) {
            LOG.info("Settings differ from the last start; recorded in the audit log");
        }
        String local = "http://localhost:" + httpPort;
        LOG.infof("Portcullis is up. Admin UI: %s/ui/  Admin API: %s/api/v1  OpenAPI: %s/q/openapi  Health: %s/q/health/ready",
                local, local, local, local);
        LOG.infof("Data directory: %s; public URL in certificates: %s", dataDirectory.root(), config.publicUrl());
        passwordFile.ifPresent(file -> LOG.infof(
                "First administrator '%s' created; its generated password is in %s (readable by this user only)",
                config.adminUsername(), file));
    }
}
