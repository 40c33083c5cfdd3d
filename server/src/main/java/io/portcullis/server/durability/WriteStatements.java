package io.portcullis.server.durability;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Sees every SQL statement Hibernate sends (entity flushes, HQL and native queries alike) and tells
 * {@link EmbeddedH2Durability} when the current transaction changes data, so that only writing
 * transactions wait for an fsync. Returns the statement unchanged.
 */
@ApplicationScoped
@PersistenceUnitExtension
public class WriteStatements implements StatementInspector {

    private final EmbeddedH2Durability durability;

    public WriteStatements(EmbeddedH2Durability durability) {
        this.durability = durability;
    }

    @Override
    public String inspect(String sql) {
        if (changesData(sql)) {
            durability.transactionWrites();
        }
        return sql;
    }

    /** INSERT, UPDATE, DELETE or MERGE, after leading white space and comments. */
    static boolean changesData(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else {
                break;
            }
        }
        int end = i;
        while (end < n && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        return switch (sql.substring(i, end).toLowerCase(Locale.ROOT)) {
            case "insert", "update", "delete", "merge" -> true;
            default -> false;
        };
    }
}
