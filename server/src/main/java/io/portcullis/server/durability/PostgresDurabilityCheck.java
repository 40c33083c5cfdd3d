package io.portcullis.server.durability;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * On PostgreSQL a COMMIT returns once its WAL record is flushed to disk, unless the server or the
 * role was configured to acknowledge earlier ({@code synchronous_commit = off}) or not to fsync at all
 * ({@code fsync = off}). A CA must not hand out certificates it may forget, so it refuses to start on
 * such a database and says how to fix it.
 */
@ApplicationScoped
public class PostgresDurabilityCheck {

    private final AgroalDataSource dataSource;
    private final boolean postgres;

    public PostgresDurabilityCheck(AgroalDataSource dataSource, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.dataSource = dataSource;
        this.postgres = dbKind.equals("postgresql");
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) throws SQLException {
        if (!postgres) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet settings = statement.executeQuery(
                        "select current_setting('synchronous_commit'), current_setting('fsync')")) {
            settings.next();
            String refusal = refusal(settings.getString(1), settings.getString(2));
            if (refusal != null) {
                throw new IllegalStateException(refusal);
            }
        }
    }

    /** Why the database cannot keep what Portcullis acknowledges, or null when it can. */
    static String refusal(String synchronousCommit, String fsync) {
        if (!"on".equalsIgnoreCase(fsync)) {
            return "PostgreSQL runs with fsync = " + fsync + ": committed certificates could be lost in a crash."
                    + " Set fsync = on in postgresql.conf";
        }
        if ("off".equalsIgnoreCase(synchronousCommit)) {
            return "PostgreSQL acknowledges commits before they are on disk (synchronous_commit = off):"
                    + " certificates already returned to clients could be lost in a crash."
                    + " Run ALTER ROLE <portcullis user> SET synchronous_commit = on (or set it in postgresql.conf)";
        }
        return null;
    }
}
