package io.portcullis.server.durability;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Makes every acknowledged write to the embedded H2 file database durable. H2 on its own acknowledges
 * a commit before writing it: by default its store writes committed changes to the file up to a
 * second later from a background thread, so a killed server forgot the certificates it had just
 * returned to clients. Two settings fix that at the source:
 * <ol>
 * <li>{@code WRITE_DELAY 0} (in the JDBC URL, and set again here in case an operator's URL lacks it):
 *     the committing thread writes its changes into the database file before COMMIT returns, so a
 *     killed process loses nothing it committed;</li>
 * <li>group commit: a transaction that wrote waits after its commit, before the caller can answer
 *     anyone, for a {@code CHECKPOINT SYNC} (fsync) that started after it, so a power cut loses
 *     nothing either. Concurrent commits share one fsync ({@link GroupSync}).</li>
 * </ol>
 * Writes are recognised by their SQL ({@link WriteStatements}); read-only transactions wait for
 * nothing. PostgreSQL needs none of this: its COMMIT returns after the WAL is flushed
 * ({@link PostgresDurabilityCheck}).
 */
@ApplicationScoped
public class EmbeddedH2Durability {

    private static final Logger LOG = Logger.getLogger(EmbeddedH2Durability.class);
    private static final Object KEY = EmbeddedH2Durability.class;

    private final TransactionSynchronizationRegistry transactions;
    private final String url;
    private final String username;
    private final String password;
    private final boolean active;
    private volatile GroupSync groupSync;
    private Connection syncConnection;

    public EmbeddedH2Durability(TransactionSynchronizationRegistry transactions,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.transactions = transactions;
        this.url = url;
        this.username = username.orElse("");
        this.password = password.orElse("");
        this.active = isEmbeddedH2File(dbKind, url);
    }

    static boolean isEmbeddedH2File(String dbKind, String url) {
        return dbKind.equals("h2") && url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
    }

    /** Before any other start-up work writes (CA bootstrap, first admin). */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) throws SQLException {
        if (!active) {
            return;
        }
        syncConnection = open();
        try (Statement statement = syncConnection.createStatement()) {
            statement.execute("SET WRITE_DELAY 0");
        }
        groupSync = new GroupSync(this::checkpointSync, EmbeddedH2Durability::halt);
        LOG.info("Embedded H2: each commit is written to the database file and fsynced (group commit) before it is acknowledged");
    }

    void onStop(@Observes ShutdownEvent event) throws Exception {
        GroupSync sync = groupSync;
        if (sync != null) {
            sync.close();
            syncConnection.close();
        }
    }

    /** Every transaction gets a hook that waits after the commit, if {@link #transactionWrites()} was called in it. */
    void transactionBegun(@Observes @Initialized(TransactionScoped.class) Object transaction) {
        if (groupSync != null) {
            AfterCommit hook = new AfterCommit();
            transactions.putResource(KEY, hook);
            transactions.registerInterposedSynchronization(hook);
        }
    }

    /** The current transaction sent a statement that changes data. */
    void transactionWrites() {
        if (groupSync != null && transactions.getTransactionKey() != null
                && transactions.getResource(KEY) instanceof AfterCommit hook) {
            hook.wrote = true;
        }
    }

    private final class AfterCommit implements Synchronization {
        // Set by the thread running the transaction (statements may also run during its beforeCompletion flush).
        volatile boolean wrote;

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED && wrote) {
                groupSync.awaitDurable();
            }
        }
    }

    /**
     * On a connection of its own, outside the pool: the committers waiting for it may hold every
     * pooled connection. A broken connection (e.g. the instance that served the shared file over
     * AUTO_SERVER went away) is reopened once; a failing fsync is not retried.
     */
    private void checkpointSync() throws SQLException {
        try {
            execute("CHECKPOINT SYNC");
        } catch (SQLException broken) {
            if (!syncConnection.isClosed() && syncConnection.isValid(2)) {
                throw broken;
            }
            LOG.warnf("Group commit connection lost (%s); reopening it", broken.getMessage());
            syncConnection = open();
            execute("CHECKPOINT SYNC");
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = syncConnection.createStatement()) {
            statement.execute(sql);
        }
    }

    private Connection open() throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }

    /**
     * The database could not fsync what it committed: nothing acknowledged since the last good fsync
     * can be trusted, so the server stops before it acknowledges more (as PostgreSQL does); the
     * waiting requests are never answered, and a restart recovers what is really on disk.
     */
    private static void halt(Exception cause) {
        LOG.errorf(cause, "Stopping: the database could not write committed data to disk");
        Runtime.getRuntime().halt(70);
    }
}
