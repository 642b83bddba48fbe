package org.infusionwatch.gateway.view;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * <p>Finished minutes are staged in memory ({@link StagedMinutes}) and written every
 * {@value #FLUSH_PERIOD_MS} ms in the order of the table's key, or before a chart is read, so a
 * chart always shows every minute staged. Written as they came, each bed's signals in turn, a
 * write of a few thousand minutes touched as many pages of the table as minutes, and read most
 * of them back from the file first; at the load test's pace (every report closes a minute of
 * each of its bed's charts) that was 20,000 page reads and 28,000 page writes a second.
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
    /** How long finished minutes wait in memory, at most, before they are written. */
    static final long FLUSH_PERIOD_MS = 5_000;
    /** Staged minutes that make a write due before the period is up (about 3 MB of arrays). */
    static final int MAX_STAGED = 65_536;
    /** Rows handed to SQLite in one JDBC batch within a write. */
    private static final int ROWS_PER_BATCH = 1_000;

    private final Connection connection;
    private final PreparedStatement upsert;
    private final PreparedStatement select;
    /** One line's minutes past the retention, found through the table's key. */
    private final PreparedStatement prune;
    private final long retentionMs;
    private final StagedMinutes staged = new StagedMinutes();
    private final List<String> lineBeds = new ArrayList<>();
    private final List<String> lineSeries = new ArrayList<>();
    private final Map<String, Integer> lineIds = new HashMap<>();
    /** Each line's place in the key order of (bed, series), for the lines registered when it was last worked out. */
    private int[] rankOfLine = new int[0];
    private long newestMinuteMs = Long.MIN_VALUE;
    private long prunedAtMs = Long.MIN_VALUE;
    private boolean flushedBefore;
    private long lastFlushNanos;

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
        prune = connection.prepareStatement("DELETE FROM trends WHERE bed = ? AND series = ? AND minute_ms < ?");
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT DISTINCT bed, series FROM trends")) {
            // Lines of beds not seen again since the last run (a discharge) still need pruning.
            while (rs.next()) {
                line(rs.getString(1), rs.getString(2));
            }
        }
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

    /** Registers one signal's line at one bed (once); the number it returns names the line in {@link #stage}. */
    int line(String bed, String series) {
        return lineIds.computeIfAbsent(bed + '\u0000' + series, key -> {
            lineBeds.add(bed);
            lineSeries.add(series);
            return lineBeds.size() - 1;
        });
    }

    /** One minute's envelope of a line, merged into what is stored at the next write. */
    void stage(int line, MinuteEnvelope e) {
        staged.add(line, e);
        newestMinuteMs = Math.max(newestMinuteMs, e.minuteMs);
        if (staged.size() >= MAX_STAGED) {
            flush();
        }
    }

    /** Writes what was staged if the last write was {@link #FLUSH_PERIOD_MS} or longer ago. */
    void flushIfDue(long nowNanos) {
        if (!flushedBefore) {
            flushedBefore = true;
            lastFlushNanos = nowNanos;
        } else if (nowNanos - lastFlushNanos >= FLUSH_PERIOD_MS * 1_000_000L) {
            lastFlushNanos = nowNanos;
            flush();
        }
    }

    /**
     * Writes what was staged in one transaction, and forgets minutes past the retention once an
     * hour of the newest time ({@link #prune}). A write that fails is rolled back and its minutes are dropped, so that a file that cannot
     * be written (a full disk) does not make the staged minutes grow without end; the exception
     * says how many charts' minutes were lost, and the ward view logs it.
     */
    void flush() {
        int minutes = staged.size();
        try {
            if (minutes > 0) {
                writeStaged();
            }
            if (newestMinuteMs != Long.MIN_VALUE
                    && (prunedAtMs == Long.MIN_VALUE || newestMinuteMs - prunedAtMs >= 60 * MINUTE_MS)) {
                prune(newestMinuteMs - retentionMs);
                prunedAtMs = newestMinuteMs;
            }
            connection.commit();
        } catch (SQLException e) {
            staged.clear();
            try {
                upsert.clearBatch();
                prune.clearBatch();
                connection.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new IllegalStateException("trend write failed, " + minutes + " chart minutes lost: " + e.getMessage(), e);
        }
    }

    /**
     * Deletes every line's minutes before {@code beforeMs}, each line's found through the table's
     * key (bed, signal, minute). One delete over the whole table scanned it: some 60 million rows
     * at 2,000 beds and 72 h kept, seconds of the ward view's thread every hour; an index on the
     * minute alone made the file half as large again.
     */
    private void prune(long beforeMs) throws SQLException {
        for (int line = 0; line < lineBeds.size(); line++) {
            prune.setString(1, lineBeds.get(line));
            prune.setString(2, lineSeries.get(line));
            prune.setLong(3, beforeMs);
            prune.addBatch();
            if ((line + 1) % ROWS_PER_BATCH == 0) {
                prune.executeBatch();
            }
        }
        prune.executeBatch();
    }

    private void writeStaged() throws SQLException {
        long[] order = staged.writeOrder(ranks());
        for (int k = 0; k < staged.size(); k++) {
            int i = (int) order[k];
            int line = staged.line(i);
            upsert.setString(1, lineBeds.get(line));
            upsert.setString(2, lineSeries.get(line));
            upsert.setLong(3, staged.minute(i));
            upsert.setDouble(4, staged.minValue(i));
            upsert.setLong(5, staged.minTime(i));
            upsert.setDouble(6, staged.maxValue(i));
            upsert.setLong(7, staged.maxTime(i));
            upsert.addBatch();
            if ((k + 1) % ROWS_PER_BATCH == 0) {
                upsert.executeBatch();
            }
        }
        upsert.executeBatch();
        staged.clear();
    }

    /** Each line's rank in the table's key order; worked out again only when lines were added. */
    private int[] ranks() {
        int n = lineBeds.size();
        if (rankOfLine.length != n) {
            Integer[] byKey = new Integer[n];
            for (int i = 0; i < n; i++) {
                byKey[i] = i;
            }
            Arrays.sort(byKey, Comparator.comparing((Integer i) -> lineBeds.get(i)).thenComparing(i -> lineSeries.get(i)));
            rankOfLine = new int[n];
            for (int r = 0; r < n; r++) {
                rankOfLine[byKey[r]] = r;
            }
        }
        return rankOfLine;
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
