package io.portcullis.ca.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.jboss.logging.Logger;

/** The server's data directory ({@code portcullis.data-dir}), created owner-only on first use. */
@ApplicationScoped
public class DataDirectory {

    private static final Logger LOG = Logger.getLogger(DataDirectory.class);

    private final Path root;

    public DataDirectory(PortcullisConfig config) {
        this.root = Path.of(config.dataDir()).toAbsolutePath().normalize();
    }

    public Path root() {
        ensureExists();
        return root;
    }

    public Path resolve(String name) {
        return root().resolve(name);
    }

    /**
     * Makes the directory owner-only. The embedded database may have created it (with the
     * process umask) before any of our code ran, and it holds key stores and password hashes.
     */
    public void restrictToOwner() {
        ensureExists();
        try {
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException | UnsupportedOperationException e) {
            // A directory prepared by someone else (another owner, a mounted volume) is the
            // operator's to protect; say so plainly instead of refusing to start.
            LOG.warnf("Cannot make the data directory %s owner-only (%s); make sure only the service user can read it",
                    root, e.getMessage());
        }
    }

    private void ensureExists() {
        if (Files.isDirectory(root)) {
            return;
        }
        try {
            Files.createDirectories(root, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + root, e);
        }
    }
}
