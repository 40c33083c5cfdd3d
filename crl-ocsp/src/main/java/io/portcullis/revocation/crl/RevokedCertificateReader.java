package io.portcullis.revocation.crl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.function.Consumer;

/**
 * Streams CRL entries out of the {@code certificate} table with plain JDBC: one forward-only
 * query with a fetch size, so the driver holds one batch of rows at a time (PostgreSQL uses a
 * cursor inside the transaction; H2 spills large results to disk). No entity objects are made,
 * because a CRL may list a million certificates.
 */
public final class RevokedCertificateReader {

    private static final int FETCH_SIZE = 5_000;

    private static final String FULL = "select serial_hex, status, revoked_at, revocation_reason, invalidity_date"
            + " from certificate where issuer_id = ? and status in ('REVOKED', 'ON_HOLD') and not_after > ?";

    /**
     * Every certificate whose status changed since the given full CRL was built (journal rows
     * not yet stamped with a full CRL number at or below it), with its status now.
     */
    private static final String CHANGED_SINCE = "select c.serial_hex, c.status, c.revoked_at, c.revocation_reason,"
            + " c.invalidity_date, j.changed_at from certificate c join"
            + " (select serial_hex, max(changed_at) changed_at from revocation_journal"
            + "  where issuer_id = ? and (full_number is null or full_number > ?) group by serial_hex) j"
            + " on j.serial_hex = c.serial_hex";

    private final Connection connection;

    public RevokedCertificateReader(Connection connection) {
        this.connection = connection;
    }

    /**
     * Entries of a full CRL: revoked and on-hold certificates of {@code issuerId} that have not
     * expired at {@code thisUpdate} (RFC 5280 5.1.2.6 allows dropping expired ones; keeping them
     * would grow the CRL forever).
     */
    public void forEachRevoked(String issuerId, Instant thisUpdate, Consumer<RevokedEntry> sink) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(FULL, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(FETCH_SIZE);
            statement.setString(1, issuerId);
            statement.setObject(2, OffsetDateTime.ofInstant(thisUpdate, java.time.ZoneOffset.UTC));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    sink.accept(entry(rows));
                }
            }
        }
    }

    /**
     * Entries of a delta CRL on base {@code baseNumber}: the current status of every certificate
     * journalled after that base. A certificate released from hold is listed as removeFromCRL
     * (RFC 5280 5.2.4), dated when it was released.
     */
    public void forEachChangedSince(String issuerId, long baseNumber, Consumer<RevokedEntry> sink) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(CHANGED_SINCE)) {
            statement.setFetchSize(FETCH_SIZE);
            statement.setString(1, issuerId);
            statement.setLong(2, baseNumber);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String status = rows.getString(2);
                    if ("VALID".equals(status)) {
                        sink.accept(new RevokedEntry(rows.getString(1), instant(rows, 6), RevokedEntry.REMOVE_FROM_CRL, null));
                    } else if ("REVOKED".equals(status) || "ON_HOLD".equals(status)) {
                        sink.accept(entry(rows));
                    }
                }
            }
        }
    }

    private static RevokedEntry entry(ResultSet rows) throws SQLException {
        boolean onHold = "ON_HOLD".equals(rows.getString(2));
        int reason = onHold ? RevokedEntry.CERTIFICATE_HOLD : ReasonCodes.codeOf(rows.getString(4));
        return new RevokedEntry(rows.getString(1), instant(rows, 3), reason, instant(rows, 5));
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
