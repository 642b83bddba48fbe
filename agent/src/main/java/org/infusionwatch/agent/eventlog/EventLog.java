package org.infusionwatch.agent.eventlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.infusionwatch.agent.model.AgentNotice;
import org.infusionwatch.agent.model.Alert;
import org.infusionwatch.agent.model.AlertChange;
import org.infusionwatch.agent.model.InfusionNotice;
import org.infusionwatch.agent.storage.SqliteFiles;

/**
 * The trial's append-only event log ({@code eventlog.db}, SQLite, WAL): one row per alert state
 * change and per infusion change, each carrying a SHA-256 hash chained to the previous row so
 * that an edited row is detectable. Rows are committed one by one without waiting for an fsync
 * ({@link SqliteFiles.Durability#DERIVED}): a row survives a crash of the process at once, and the
 * newest rows lost to a power cut are re-derived from the synced input journal at the next start.
 * So an alert is never held back by the disk.
 *
 * <p>Single-threaded: only the output handler writes.
 */
public final class EventLog implements AutoCloseable {
    static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS events (
              seq          INTEGER PRIMARY KEY,
              kind         TEXT    NOT NULL,
              alert_id     TEXT,
              unit         TEXT    NOT NULL,
              bed          TEXT    NOT NULL,
              patient      TEXT,
              infusion_id  TEXT,
              code         TEXT    NOT NULL,
              state        TEXT    NOT NULL,
              event_ms     INTEGER NOT NULL,
              onset_ms     INTEGER NOT NULL,
              payload      TEXT    NOT NULL,
              prev_hash    TEXT    NOT NULL,
              hash         TEXT    NOT NULL,
              UNIQUE (kind, alert_id, infusion_id, code, state, onset_ms, event_ms)
            )""";
    static final String GENESIS = "0".repeat(64);

    private final Connection connection;
    private final PreparedStatement insert;
    private final ObjectMapper json = new ObjectMapper();
    private String lastHash;
    private long nextSeq;
    /** The identity of every row (the UNIQUE columns), so "is it logged?" needs no query. */
    private final java.util.Set<String> logged = new java.util.HashSet<>();

    private EventLog(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement st = connection.createStatement()) {
            st.execute(SCHEMA);
        }
        insert = connection.prepareStatement("INSERT OR IGNORE INTO events (seq, kind, alert_id, unit, bed, patient,"
                + " infusion_id, code, state, event_ms, onset_ms, payload, prev_hash, hash)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT kind, alert_id, infusion_id, code, state, onset_ms, event_ms FROM events")) {
            while (rs.next()) {
                logged.add(identity(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getLong(6), rs.getLong(7)));
            }
        }
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1")) {
            if (rs.next()) {
                nextSeq = rs.getLong(1) + 1;
                lastHash = rs.getString(2);
            } else {
                nextSeq = 1;
                lastHash = GENESIS;
            }
        }
    }

    /** Opens (creating if needed) {@code dataDir/eventlog.db}. */
    public static EventLog open(Path dataDir) {
        try {
            return new EventLog(SqliteFiles.open(dataDir, "eventlog.db", SqliteFiles.Durability.DERIVED));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the event log in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Appends the notice unless the log already holds it.
     *
     * @return true when the row is new (and so should be sent), false for a duplicate
     */
    public boolean record(AgentNotice notice) {
        if (holds(notice)) {
            return false;
        }
        EventRow row = EventRow.of(notice, payloadOf(notice));
        String hash = HashChain.hash(lastHash, nextSeq, row);
        try {
            insert.setLong(1, nextSeq);
            insert.setString(2, row.kind());
            insert.setString(3, row.alertId());
            insert.setString(4, row.unit());
            insert.setString(5, row.bed());
            insert.setString(6, row.patient());
            insert.setString(7, row.infusionId());
            insert.setString(8, row.code());
            insert.setString(9, row.state());
            insert.setLong(10, row.eventMs());
            insert.setLong(11, row.onsetMs());
            insert.setString(12, row.payload());
            insert.setString(13, lastHash);
            insert.setString(14, hash);
            if (insert.executeUpdate() == 0) {
                return false;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("event log write failed: " + e.getMessage(), e);
        }
        nextSeq++;
        lastHash = hash;
        logged.add(identity(row.kind(), row.alertId(), row.infusionId(), row.code(), row.state(), row.onsetMs(),
                row.eventMs()));
        return true;
    }

    /** Whether the log already holds this notice (the same alert re-derived after a restart). No query. */
    public boolean holds(AgentNotice notice) {
        EventRow r = EventRow.of(notice, "");
        return logged.contains(identity(r.kind(), r.alertId(), r.infusionId(), r.code(), r.state(), r.onsetMs(),
                r.eventMs()));
    }

    private static String identity(String kind, String alertId, String infusionId, String code, String state,
                                   long onsetMs, long eventMs) {
        return kind + '\u001f' + alertId + '\u001f' + infusionId + '\u001f' + code + '\u001f' + state + '\u001f'
                + onsetMs + '\u001f' + eventMs;
    }

    private String payloadOf(AgentNotice notice) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (notice instanceof Alert a) {
            m.put("priority", a.priority().name());
            m.put("raisedMs", a.raisedMs());
            m.put("protocol", a.protocolName());
            m.put("protocolHash", a.protocolHash());
            m.put("evidence", a.evidence());
        } else if (notice instanceof AlertChange c) {
            m.put("by", c.by());
            m.put("note", c.note());
            m.put("protocol", c.protocolName());
            m.put("protocolHash", c.protocolHash());
        } else if (notice instanceof InfusionNotice n) {
            m.put("source", n.source());
            m.put("protocol", n.protocolName());
            m.put("protocolHash", n.protocolHash());
        }
        try {
            return json.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event payload", e);
        }
    }

    @Override
    public void close() {
        try {
            insert.close();
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("event log close failed: " + e.getMessage(), e);
        }
    }
}
