package org.infusionwatch.agent.eventlog;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.infusionwatch.agent.model.AgentNotice;
import org.infusionwatch.agent.storage.SqliteFiles;

/**
 * Which notices the broker has confirmed (MQTT PUBACK), in {@code deliveries.db} beside the event
 * log and outside its hash chain: a notice in the log but not here was logged and then lost before
 * it reached the broker (a crash), and is sent again when the agent re-derives it after a restart.
 * A file of its own, because SQLite lets one connection write a file at a time: confirmations
 * arriving on the MQTT thread would otherwise make the output stage wait for the lock (SQLite's
 * busy handler sleeps in milliseconds) before it logs the next alert.
 *
 * <p>Thread-safe: the MQTT client's callback thread marks, the output thread asks.
 */
public final class DeliveryLedger implements AutoCloseable {
    public static final String FILE = "deliveries.db";
    private final Connection connection;
    private final PreparedStatement mark;
    private final PreparedStatement find;

    private DeliveryLedger(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS deliveries (notice_key TEXT PRIMARY KEY, delivered_ms INTEGER NOT NULL)");
        }
        mark = connection.prepareStatement("INSERT OR IGNORE INTO deliveries (notice_key, delivered_ms) VALUES (?, ?)");
        find = connection.prepareStatement("SELECT 1 FROM deliveries WHERE notice_key = ?");
    }

    public static DeliveryLedger open(Path dataDir) {
        return open(dataDir, FILE);
    }

    /** A ledger of another receiver's confirmations, in a file of its own in {@code dataDir}. */
    public static DeliveryLedger open(Path dataDir, String file) {
        try {
            return new DeliveryLedger(SqliteFiles.open(dataDir, file, SqliteFiles.Durability.DERIVED));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the delivery ledger in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** Stable key of a notice: the same notice re-derived has the same key. */
    public static String keyOf(AgentNotice notice) {
        EventRow r = EventRow.of(notice, "");
        return r.kind() + '|' + r.alertId() + '|' + r.infusionId() + '|' + r.code() + '|' + r.state() + '|' + r.onsetMs()
                + '|' + r.eventMs();
    }

    public synchronized void markDelivered(AgentNotice notice, long nowMs) {
        try {
            mark.setString(1, keyOf(notice));
            mark.setLong(2, nowMs);
            mark.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("delivery ledger write failed: " + e.getMessage(), e);
        }
    }

    public synchronized boolean isDelivered(AgentNotice notice) {
        try {
            find.setString(1, keyOf(notice));
            try (ResultSet rs = find.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("delivery ledger read failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            mark.close();
            find.close();
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
