package org.infusionwatch.agent.journal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import org.infusionwatch.agent.storage.SqliteFiles;

/**
 * The input journal in an SQLite file ({@code journal.db}), WAL mode with {@code synchronous=FULL}
 * so that a committed batch survives a power cut. Rows are staged in a JDBC batch and written in one
 * transaction per ring batch, which is what keeps durable acknowledgement fast.
 *
 * <p>Single-threaded: only the journal handler calls it.
 */
public final class SqliteJournal implements InputJournal {
    static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS inputs (
              seq           INTEGER PRIMARY KEY,
              received_ms   INTEGER NOT NULL,
              kind          TEXT    NOT NULL,
              format        TEXT    NOT NULL,
              origin        TEXT,
              tick_ms       INTEGER NOT NULL DEFAULT 0,
              payload       BLOB,
              reject_reason TEXT
            )""";

    private final Connection connection;
    private final PreparedStatement insert;
    private long nextSeq;
    private int staged;

    private SqliteJournal(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement st = connection.createStatement()) {
            st.execute(SCHEMA);
        }
        connection.setAutoCommit(false);
        this.insert = connection.prepareStatement(
                "INSERT INTO inputs (seq, received_ms, kind, format, origin, tick_ms, payload, reject_reason)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM inputs")) {
            nextSeq = rs.getLong(1) + 1;
        }
    }

    /** Opens (creating if needed) {@code dataDir/journal.db}. */
    public static SqliteJournal open(Path dataDir) {
        try {
            return new SqliteJournal(SqliteFiles.open(dataDir, "journal.db", SqliteFiles.Durability.SYNCED));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the input journal in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long append(JournalRecord r) {
        try {
            long seq = nextSeq++;
            insert.setLong(1, seq);
            insert.setLong(2, r.receivedMs());
            insert.setString(3, r.kind());
            insert.setString(4, r.format());
            insert.setString(5, r.origin());
            insert.setLong(6, r.tickMs());
            insert.setBytes(7, r.payload());
            insert.setString(8, r.rejectReason());
            insert.addBatch();
            staged++;
            return seq;
        } catch (SQLException e) {
            throw new IllegalStateException("journal append failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void commit() {
        if (staged == 0) {
            return;
        }
        try {
            insert.executeBatch();
            connection.commit();
            staged = 0;
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            nextSeq -= staged;
            staged = 0;
            throw new IllegalStateException("journal commit failed: " + e.getMessage(), e);
        }
    }

    /**
     * The number of the last committed row, 0 when there is none. Rows are numbered from 1 without
     * gaps (a failed commit gives its numbers back), so this is also their count, read from the
     * key's index instead of by a scan of the table: {@link #size()} reads 2 GB to count a
     * 2-million-row journal.
     */
    public long lastSeq() {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM inputs")) {
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("journal read failed: " + e.getMessage(), e);
        }
    }

    /** Committed rows, counted. */
    public long size() {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM inputs")) {
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("journal read failed: " + e.getMessage(), e);
        }
    }

    /** Reads every row in sequence order (for replay and restart). */
    public void forEach(Consumer<JournalRow> consumer) {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery(
                     "SELECT seq, received_ms, kind, format, origin, tick_ms, payload, reject_reason FROM inputs ORDER BY seq")) {
            while (rs.next()) {
                consumer.accept(new JournalRow(rs.getLong(1), new JournalRecord(rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getLong(6), rs.getBytes(7), rs.getString(8))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("journal read failed: " + e.getMessage(), e);
        }
    }

    /** A committed journal row. */
    public record JournalRow(long seq, JournalRecord record) {
    }

    @Override
    public void close() {
        try {
            insert.close();
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("journal close failed: " + e.getMessage(), e);
        }
    }
}
