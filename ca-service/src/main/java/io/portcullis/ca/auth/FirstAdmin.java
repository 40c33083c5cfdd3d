package io.portcullis.ca.auth;

import io.portcullis.ca.config.DataDirectory;
import io.portcullis.ca.config.PortcullisConfig;
import io.portcullis.ca.config.SecretFile;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Creates the first administrator on first start. Its password comes from
 * {@code PORTCULLIS_ADMIN_PASSWORD}, or is generated into {@code <data-dir>/initial-admin-password}
 * (0600). Only the file's path is ever logged, never the password.
 */
@ApplicationScoped
public class FirstAdmin {

    static final String PASSWORD_FILE = "initial-admin-password";
    private static final Logger LOG = Logger.getLogger(FirstAdmin.class);

    private final AccountService accounts;
    private final PortcullisConfig config;
    private final DataDirectory dataDirectory;
    private final SecureRandom random;

    public FirstAdmin(AccountService accounts, PortcullisConfig config, DataDirectory dataDirectory, SecureRandom random) {
        this.accounts = accounts;
        this.config = config;
        this.dataDirectory = dataDirectory;
        this.random = random;
    }

    /** Returns the password file's path when a generated password was written there. */
    public Optional<Path> ensureExists() {
        if (accounts.anyAccountExists()) {
            return Optional.empty();
        }
        Optional<Path> generatedFile = Optional.empty();
        String password;
        if (config.adminPassword().isPresent()) {
            password = config.adminPassword().get();
        } else {
            SecretFile file = new SecretFile(dataDirectory.resolve(PASSWORD_FILE));
            password = file.readOrCreate(random);
            generatedFile = Optional.of(file.path());
        }
        if (accounts.createFirstAdmin(config.adminUsername(), password)) {
            LOG.infof("Created the first administrator account '%s'", config.adminUsername());
            return generatedFile;
        }
        // Another instance sharing the database created it a moment ago.
        return Optional.empty();
    }
}
