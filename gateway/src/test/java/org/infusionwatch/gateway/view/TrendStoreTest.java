package org.infusionwatch.gateway.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finished minutes staged in memory, written in key order when due, and read back as written. */
class TrendStoreTest {
    private static final long T0 = 1_790_000_040_000L - 1_790_000_040_000L % 60_000L;
    private static final long HOUR = 3_600_000L;
    private static final long SECOND_NS = 1_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void shouldKeepFinishedMinutesInMemoryUntilTheWriteIsDueAndShowThemToAChartMeanwhile() throws Exception {
        try (TrendStore store = TrendStore.open(dir, 72 * HOUR)) {
            TrendLine hr = new TrendLine(store, "ICU-A/BED01", "HR");
            store.flushIfDue(0);
            for (int m = 0; m < 10; m++) {
                hr.add(T0 + m * 60_000L, 80 + m);
            }
            store.flushIfDue(4 * SECOND_NS);
            assertThat(rowsOnDisk()).as("9 minutes finished, none written before the period is up").isZero();

            store.flushIfDue(5 * SECOND_NS);
            assertThat(rowsOnDisk()).isEqualTo(9);

            hr.add(T0 + 10 * 60_000L, 95);
            store.flushIfDue(6 * SECOND_NS);
            assertThat(rowsOnDisk()).isEqualTo(9);
            assertThat(hr.range(T0, T0 + HOUR).values()).as("a chart sees every minute, the one in progress too")
                    .containsExactly(80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 95);
            assertThat(rowsOnDisk()).as("reading a chart writes what it needs first").isEqualTo(11);
        }
    }

    @Test
    void shouldWriteEveryLinesMinutesToItsOwnLineWhateverTheOrderTheyCameIn() {
        SplittableRandom random = new SplittableRandom(7);
        List<TrendLine> lines = new ArrayList<>();
        List<List<Double>> expected = new ArrayList<>();
        Set<Integer> beds = new HashSet<>();
        try (TrendStore store = TrendStore.inMemory(72 * HOUR)) {
            for (int round = 0; round < 3; round++) {
                // Beds arrive in a shuffled order, and more of them in later rounds, so the key
                // order must be worked out again after the first write.
                for (int added = 0; added < 40; added++) {
                    int bed = random.nextInt(1_000);
                    if (!beds.add(bed)) {
                        continue;
                    }
                    lines.add(new TrendLine(store, "ICU-" + (char) ('A' + bed % 3) + "/BED" + bed,
                            random.nextBoolean() ? "HR" : "PUMP:SYR-" + added));
                    expected.add(new ArrayList<>());
                }
                for (int minute = round * 20; minute < round * 20 + 20; minute++) {
                    for (int l = 0; l < lines.size(); l++) {
                        double value = random.nextInt(40, 160);
                        lines.get(l).add(T0 + minute * 60_000L, value);
                        expected.get(l).add(value);
                    }
                }
                store.flush();
            }
            for (int l = 0; l < lines.size(); l++) {
                double[] values = lines.get(l).range(T0 - HOUR, T0 + 2 * HOUR).values();
                List<Double> seen = new ArrayList<>();
                for (double v : values) {
                    seen.add(v);
                }
                assertThat(seen).as("line %d: one value a minute from when it was added", l)
                        .containsExactlyElementsOf(expected.get(l));
            }
        }
    }

    @Test
    void shouldOrderStagedMinutesByTheirLinesRankKeepingTheOrderWithinALine() {
        StagedMinutes staged = new StagedMinutes();
        TrendStore.MinuteEnvelope e = new TrendStore.MinuteEnvelope();
        int[] lineOf = new int[1_000];
        for (int i = 0; i < lineOf.length; i++) {
            lineOf[i] = (i * 7) % 5;
            e.start(T0 + i * 60_000L, i);
            staged.add(lineOf[i], e);
        }
        int[] rankOfLine = {3, 0, 4, 1, 2};

        long[] order = staged.writeOrder(rankOfLine);

        int previousRank = -1;
        int previousIndex = -1;
        for (int k = 0; k < staged.size(); k++) {
            int i = (int) order[k];
            int rank = rankOfLine[staged.line(i)];
            assertThat(rank).isGreaterThanOrEqualTo(previousRank);
            if (rank == previousRank) {
                assertThat(i).isGreaterThan(previousIndex);
            }
            assertThat(staged.minValue(i)).isEqualTo(i);
            assertThat(staged.line(i)).isEqualTo(lineOf[i]);
            previousRank = rank;
            previousIndex = i;
        }
        assertThat(staged.size()).isEqualTo(1_000);
    }

    @Test
    void shouldForgetOldMinutesLineByLineThroughTheKeyIncludingLinesOnlyAnEarlierRunKnew() throws Exception {
        try (TrendStore store = TrendStore.open(dir, 2 * HOUR)) {
            TrendLine gone = new TrendLine(store, "ICU-A/BED09", "HR"); // a bed discharged before the restart
            for (int m = 0; m < 30; m++) {
                gone.add(T0 + m * 60_000L, 70);
            }
        }
        try (TrendStore store = TrendStore.open(dir, 2 * HOUR)) {
            TrendLine hr = new TrendLine(store, "ICU-A/BED01", "HR");
            TrendLine map = new TrendLine(store, "ICU-A/BED01", "MAP");
            for (int m = 0; m <= 5 * 60; m++) {
                hr.add(T0 + m * 60_000L, 80 + m % 7);
                map.add(T0 + m * 60_000L, 65 + m % 5);
                if (m % 20 == 0) {
                    store.flush();
                }
            }
            store.flush();
            assertThat(rowsOnDisk("ICU-A/BED09")).as("a line no longer reporting is pruned too").isZero();
            for (String series : new String[] {"HR", "MAP"}) {
                assertThat(oldestMinuteOnDisk("ICU-A/BED01", series)).as(series)
                        .isGreaterThanOrEqualTo(T0 + 5 * HOUR - 2 * HOUR - HOUR);
            }
            assertThat(hr.range(T0 + 4 * HOUR, T0 + 5 * HOUR).size()).isPositive();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("trends.db"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(
                     "EXPLAIN QUERY PLAN DELETE FROM trends WHERE bed = 'b' AND series = 's' AND minute_ms < 0")) {
            StringBuilder plan = new StringBuilder();
            while (rs.next()) {
                plan.append(rs.getString("detail")).append('\n');
            }
            assertThat(plan.toString()).as("a line's old minutes are found through the key, not a scan")
                    .contains("PRIMARY KEY").doesNotContain("SCAN");
        }
    }

    private long oldestMinuteOnDisk(String bed, String series) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("trends.db"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT MIN(minute_ms) FROM trends WHERE bed = '" + bed
                     + "' AND series = '" + series + "'")) {
            return rs.getLong(1);
        }
    }

    private int rowsOnDisk(String bed) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("trends.db"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM trends WHERE bed = '" + bed + "'")) {
            return rs.getInt(1);
        }
    }

    private int rowsOnDisk() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("trends.db"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM trends")) {
            return rs.getInt(1);
        }
    }
}
