package org.infusionwatch.agent.eventlog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Read-only access to an event log for coordinators: the rows, filtered, and the hash-chain check.
 * Opens the database read-only, so it can run beside a live gateway.
 */
public final class EventLogReader implements AutoCloseable {
    private final Connection connection;

    private EventLogReader(Connection connection) {
        this.connection = connection;
    }

    public static EventLogReader open(Path dataDir) {
        Path file = dataDir.resolve("eventlog.db");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no event log in " + dataDir + " (expected " + file + ")");
        }
        try {
            return new EventLogReader(DriverManager.getConnection("jdbc:sqlite:file:" + file + "?mode=ro"));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /** Rows matching the filter, in log order. */
    public List<LoggedEvent> events(EventFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT seq, kind, alert_id, unit, bed, patient, infusion_id, code, state,"
                + " event_ms, onset_ms, payload FROM events WHERE event_ms >= ? AND event_ms <= ?");
        List<Object> args = new ArrayList<>(List.of(filter.fromMs(), filter.toMs()));
        if (filter.bed() != null) {
            sql.append(" AND (bed = ? OR unit || '/' || bed = ?)");
            args.add(filter.bed());
            args.add(filter.bed());
        }
        if (filter.code() != null) {
            sql.append(" AND code = ?");
            args.add(filter.code());
        }
        sql.append(" ORDER BY seq");
        try (PreparedStatement st = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                st.setObject(i + 1, args.get(i));
            }
            List<LoggedEvent> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(new LoggedEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getLong(10), rs.getLong(11), rs.getString(12)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("event log query failed: " + e.getMessage(), e);
        }
    }

    /** Recomputes every row's hash and link; stops at the first row that does not hold. */
    public ChainVerification verify() {
        String expectedPrev = EventLog.GENESIS;
        long rows = 0;
        try (PreparedStatement st = connection.prepareStatement("SELECT seq, kind, alert_id, unit, bed, patient,"
                + " infusion_id, code, state, event_ms, onset_ms, payload, prev_hash, hash FROM events ORDER BY seq");
             ResultSet rs = st.executeQuery()) {
            long expectedSeq = 1;
            while (rs.next()) {
                long seq = rs.getLong(1);
                EventRow row = new EventRow(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getLong(10),
                        rs.getLong(11), rs.getString(12));
                String prev = rs.getString(13);
                String hash = rs.getString(14);
                if (seq != expectedSeq) {
                    return new ChainVerification(rows, seq, "row " + expectedSeq + " is missing (next row is " + seq + ")");
                }
                if (!expectedPrev.equals(prev)) {
                    return new ChainVerification(rows, seq, "row " + seq + " does not link to row " + (seq - 1));
                }
                if (!HashChain.hash(prev, seq, row).equals(hash)) {
                    return new ChainVerification(rows, seq, "row " + seq + " was changed after it was written");
                }
                expectedPrev = hash;
                expectedSeq++;
                rows++;
            }
            return new ChainVerification(rows, -1, null);
        } catch (SQLException e) {
            throw new IllegalStateException("event log read failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
