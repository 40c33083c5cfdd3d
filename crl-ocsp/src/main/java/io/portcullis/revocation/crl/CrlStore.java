package io.portcullis.revocation.crl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * CRL state in the database (tables of V100__crl_ocsp.sql), over the caller's JDBC connection and
 * transaction. Writers must hold the {@code crl-writer} lock; see {@link CrlPublisher}.
 */
public final class CrlStore {

    private final Connection connection;

    public CrlStore(Connection connection) {
        this.connection = connection;
    }

    public Optional<CrlMeta> latest(String issuerId, CrlKind kind) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select crl_number, base_number, this_update, next_update, entries"
                + " from published_crl where issuer_id = ? and kind = ?")) {
            s.setString(1, issuerId);
            s.setString(2, kind.column());
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                long base = r.getLong(2);
                Long baseNumber = r.wasNull() ? null : base;
                return Optional.of(new CrlMeta(issuerId, kind, r.getLong(1), baseNumber, instant(r, 3), instant(r, 4), r.getInt(5)));
            }
        }
    }

    public Optional<byte[]> der(String issuerId, CrlKind kind, long number) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "select der from published_crl where issuer_id = ? and kind = ? and crl_number = ?")) {
            s.setString(1, issuerId);
            s.setString(2, kind.column());
            s.setLong(3, number);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getBytes(1)) : Optional.empty();
            }
        }
    }

    /** The next CRL number of this CA, consumed only if the caller's transaction commits. */
    public long nextNumber(String issuerId) throws SQLException {
        long next;
        try (PreparedStatement s = connection.prepareStatement("select last_number from crl_series where issuer_id = ? for update")) {
            s.setString(1, issuerId);
            try (ResultSet r = s.executeQuery()) {
                next = r.next() ? r.getLong(1) + 1 : 0;
            }
        }
        if (next == 0) {
            update("insert into crl_series (issuer_id, last_number) values (?, 1)", issuerId);
            return 1;
        }
        try (PreparedStatement s = connection.prepareStatement("update crl_series set last_number = ? where issuer_id = ?")) {
            s.setLong(1, next);
            s.setString(2, issuerId);
            s.executeUpdate();
        }
        return next;
    }

    public void publish(CrlMeta meta, byte[] der) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("delete from published_crl where issuer_id = ? and kind = ?")) {
            s.setString(1, meta.issuerId());
            s.setString(2, meta.kind().column());
            s.executeUpdate();
        }
        try (PreparedStatement s = connection.prepareStatement("insert into published_crl (issuer_id, kind, crl_number, base_number,"
                + " this_update, next_update, entries, der) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, meta.issuerId());
            s.setString(2, meta.kind().column());
            s.setLong(3, meta.number());
            s.setObject(4, meta.baseNumber());
            s.setObject(5, offset(meta.thisUpdate()));
            s.setObject(6, offset(meta.nextUpdate()));
            s.setInt(7, meta.entries());
            s.setBytes(8, der);
            s.executeUpdate();
        }
        try (PreparedStatement s = connection.prepareStatement("insert into issued_crl (issuer_id, crl_number, kind, this_update,"
                + " next_update, entries) values (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, meta.issuerId());
            s.setLong(2, meta.number());
            s.setString(3, meta.kind().column());
            s.setObject(4, offset(meta.thisUpdate()));
            s.setObject(5, offset(meta.nextUpdate()));
            s.setInt(6, meta.entries());
            s.executeUpdate();
        }
    }

    /** True when a revocation, hold or release committed that no full CRL has read yet. */
    public boolean hasChangesSinceLastFull(String issuerId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "select 1 from revocation_journal where issuer_id = ? and full_number is null")) {
            s.setString(1, issuerId);
            s.setMaxRows(1);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    /**
     * Marks the journal rows committed so far as included in full CRL {@code number}. Called
     * before the certificate table is read: a change committing later stays unmarked and makes
     * the next full CRL due, so no revocation can fall between two builds.
     */
    public void stampJournal(String issuerId, long number) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "update revocation_journal set full_number = ? where issuer_id = ? and full_number is null")) {
            s.setLong(1, number);
            s.setString(2, issuerId);
            s.executeUpdate();
        }
    }

    /**
     * The base for a new delta CRL: the oldest full CRL still within its validity, since a
     * relying party or an HTTP cache may hold any of those; a delta works with every full CRL
     * numbered at or above its base (RFC 5280 5.2.4).
     */
    public long deltaBase(String issuerId, Instant now, long latestFull) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "select min(crl_number) from issued_crl where issuer_id = ? and kind = 'full' and next_update > ?")) {
            s.setString(1, issuerId);
            s.setObject(2, offset(now));
            try (ResultSet r = s.executeQuery()) {
                long oldest = r.next() ? r.getLong(1) : 0;
                return oldest == 0 ? latestFull : Math.min(oldest, latestFull);
            }
        }
    }

    /** Journal rows included in every full CRL still valid are no longer needed by any delta. */
    public void pruneJournal(String issuerId, long deltaBase) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "delete from revocation_journal where issuer_id = ? and full_number <= ?")) {
            s.setString(1, issuerId);
            s.setLong(2, deltaBase);
            s.executeUpdate();
        }
    }

    public void journal(String issuerId, String serialHex, Instant changedAt) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "insert into revocation_journal (issuer_id, serial_hex, changed_at) values (?, ?, ?)")) {
            s.setString(1, issuerId);
            s.setString(2, serialHex);
            s.setObject(3, offset(changedAt));
            s.executeUpdate();
        }
    }

    private void update(String sql, String issuerId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, issuerId);
            s.executeUpdate();
        }
    }

    private static OffsetDateTime offset(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        OffsetDateTime value = r.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
