package org.infusionwatch.gateway.view;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.infusionwatch.agent.storage.SqliteFiles;

/**
 * The values behind the coordinator's charts, kept on disk ({@code trends.db}) as one envelope per
 * signal, bed and minute: the lowest and the highest value of the minute with their times. A
 * chart of T0 − 1 h to T0 + 6 h is then at most 840 points per signal whatever the devices' rate,
 * keeps every dip and spike, and the gateway's memory does not grow with the hours it keeps.
 *
 * <p>Writing merges: a minute written twice (the same input seen again when the gateway rebuilds
 * its state from the journal at start) keeps the lower low and the higher high, so it ends the
 * same. The file is derived data, committed without fsync; losing it loses charts, not records.
 *
 * <p>Not thread-safe: owned by the ward view's thread.
 */
final class TrendStore implements AutoCloseable {
    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS trends (
              bed       TEXT    NOT NULL,
              series    TEXT    NOT NULL,
              minute_ms INTEGER NOT NULL,
              min_v     REAL    NOT NULL,
              min_t     INTEGER NOT NULL,
              max_v     REAL    NOT NULL,
              max_t     INTEGER NOT NULL,
              PRIMARY KEY (bed, series, minute_ms)
            ) WITHOUT ROWID""";
    private static final String UPSERT = """
            INSERT INTO trends (bed, series, minute_ms, min_v, min_t, max_v, max_t) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (bed, series, minute_ms) DO UPDATE SET
              min_t = CASE WHEN excluded.min_v < min_v THEN excluded.min_t ELSE min_t END,
              min_v = MIN(min_v, excluded.min_v),
              max_t = CASE WHEN excluded.max_v > max_v THEN excluded.max_t ELSE max_t END,
              max_v = MAX(max_v, excluded.max_v)""";
    static final long MINUTE_MS = 60_000L;
    /** Staged minutes written in one transaction at most. */
    private static final int MAX_STAGED = 2_000;

    private final Connection connection;
    private final PreparedStatement upsert;
    private final PreparedStatement select;
    private final PreparedStatement prune;
    private final long retentionMs;
    private int staged;
    private long newestMinuteMs = Long.MIN_VALUE;
    private long prunedAtMs = Long.MIN_VALUE;

    private TrendStore(Connection connection, long retentionMs) throws SQLException {
        this.connection = connection;
        this.retentionMs = retentionMs;
        try (Statement st = connection.createStatement()) {
            st.execute(SCHEMA);
        }
        connection.setAutoCommit(false);
        upsert = connection.prepareStatement(UPSERT);
        select = connection.prepareStatement("SELECT minute_ms, min_v, min_t, max_v, max_t FROM trends"
                + " WHERE bed = ? AND series = ? AND minute_ms BETWEEN ? AND ? ORDER BY minute_ms");
        prune = connection.prepareStatement("DELETE FROM trends WHERE minute_ms < ?");
    }

    /**
     * Opens (creating if needed) {@code dataDir/trends.db}.
     *
     * @param retentionMs minutes older than this behind the newest are deleted
     */
    static TrendStore open(Path dataDir, long retentionMs) {
        try {
            return new TrendStore(SqliteFiles.open(dataDir, "trends.db", SqliteFiles.Durability.DERIVED), retentionMs);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open trends.db in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** A store in memory, for views that keep nothing (tests, a gateway without a data folder). */
    static TrendStore inMemory(long retentionMs) {
        try {
            return new TrendStore(DriverManager.getConnection("jdbc:sqlite::memory:"), retentionMs);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open an in-memory trend store: " + e.getMessage(), e);
        }
    }

    /** One minute's envelope of one signal at one bed, merged into what is stored at the next {@link #flush}. */
    void stage(String bed, String series, MinuteEnvelope e) {
        try {
            upsert.setString(1, bed);
            upsert.setString(2, series);
            upsert.setLong(3, e.minuteMs);
            upsert.setDouble(4, e.minValue);
            upsert.setLong(5, e.minTimeMs);
            upsert.setDouble(6, e.maxValue);
            upsert.setLong(7, e.maxTimeMs);
            upsert.addBatch();
        } catch (SQLException ex) {
            throw new IllegalStateException("trend write failed: " + ex.getMessage(), ex);
        }
        newestMinuteMs = Math.max(newestMinuteMs, e.minuteMs);
        if (++staged >= MAX_STAGED) {
            flush();
        }
    }

    /** Writes what was staged in one transaction, and forgets minutes past the retention once an hour. */
    void flush() {
        try {
            if (staged > 0) {
                upsert.executeBatch();
                staged = 0;
            }
            if (newestMinuteMs != Long.MIN_VALUE
                    && (prunedAtMs == Long.MIN_VALUE || newestMinuteMs - prunedAtMs >= 60 * MINUTE_MS)) {
                prune.setLong(1, newestMinuteMs - retentionMs);
                prune.executeUpdate();
                prunedAtMs = newestMinuteMs;
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("trend write failed: " + e.getMessage(), e);
        }
    }

    /**
     * The stored points of a signal from {@code fromMs} to {@code toMs}: per minute its low and its
     * high, in time order (one point when they are the same sample). Flushes first.
     */
    void read(String bed, String series, long fromMs, long toMs, Points into) {
        flush();
        try {
            select.setString(1, bed);
            select.setString(2, series);
            select.setLong(3, Math.floorDiv(fromMs, MINUTE_MS) * MINUTE_MS);
            select.setLong(4, toMs);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    into.envelope(rs.getDouble(2), rs.getLong(3), rs.getDouble(4), rs.getLong(5), fromMs, toMs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("trend read failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            flush();
            connection.close();
        } catch (SQLException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(TrendStore.class).warn("trends.db did not close cleanly", e);
        }
    }

    /** The lowest and highest value of one minute, with their times. Mutable; owned by one {@link TrendLine}. */
    static final class MinuteEnvelope {
        long minuteMs = Long.MIN_VALUE;
        double minValue;
        long minTimeMs;
        double maxValue;
        long maxTimeMs;

        void start(long timeMs, double value) {
            minuteMs = Math.floorDiv(timeMs, MINUTE_MS) * MINUTE_MS;
            minValue = value;
            maxValue = value;
            minTimeMs = timeMs;
            maxTimeMs = timeMs;
        }

        void add(long timeMs, double value) {
            if (value < minValue) {
                minValue = value;
                minTimeMs = timeMs;
            }
            if (value > maxValue) {
                maxValue = value;
                maxTimeMs = timeMs;
            }
        }

        boolean holds(long timeMs) {
            return minuteMs != Long.MIN_VALUE && Math.floorDiv(timeMs, MINUTE_MS) * MINUTE_MS == minuteMs;
        }
    }

    /** Collects chart points in time order, without repeating a minute read twice. */
    static final class Points {
        private long[] times = new long[64];
        private double[] values = new double[64];
        private int size;

        void envelope(double minValue, long minTimeMs, double maxValue, long maxTimeMs, long fromMs, long toMs) {
            if (minTimeMs <= maxTimeMs) {
                point(minTimeMs, minValue, fromMs, toMs);
                point(maxTimeMs, maxValue, fromMs, toMs);
            } else {
                point(maxTimeMs, maxValue, fromMs, toMs);
                point(minTimeMs, minValue, fromMs, toMs);
            }
        }

        private void point(long timeMs, double value, long fromMs, long toMs) {
            if (timeMs < fromMs || timeMs > toMs || (size > 0 && times[size - 1] == timeMs)) {
                return;
            }
            if (size == times.length) {
                times = java.util.Arrays.copyOf(times, size * 2);
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            times[size] = timeMs;
            values[size] = value;
            size++;
        }

        long[] times() {
            return java.util.Arrays.copyOf(times, size);
        }

        double[] values() {
            return java.util.Arrays.copyOf(values, size);
        }

        int size() {
            return size;
        }
    }
}
