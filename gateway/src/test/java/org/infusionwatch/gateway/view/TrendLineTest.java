package org.infusionwatch.gateway.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chart values as minute envelopes on disk: dips and spikes kept, merges idempotent, memory flat. */
class TrendLineTest {
    private static final long T0 = 1_790_000_040_000L - 1_790_000_040_000L % 60_000L;
    private static final long HOUR = 3_600_000L;

    @TempDir
    Path dir;

    @Test
    void shouldKeepEachMinutesLowAndHighInTimeOrder() {
        try (TrendStore store = TrendStore.inMemory(72 * HOUR)) {
            TrendLine spo2 = new TrendLine(store, "ICU-A/BED01", "SPO2");
            // One sample a second for three minutes; a 10 s dip to 81 % in the second minute.
            for (int s = 0; s < 180; s++) {
                spo2.add(T0 + s * 1000L, s >= 70 && s < 80 ? 81 : 95 + s % 2);
            }
            TrendStore.Points p = spo2.range(T0, T0 + 3 * 60_000L);
            assertThat(p.size()).isBetween(4, 6);
            assertThat(p.values()).contains(81.0).doesNotContain(82.0);
            assertThat(p.times()).isSorted();
            assertThat(p.times()).contains(T0 + 70_000L);
        }
    }

    @Test
    void shouldIncludeTheMinuteInProgressAndOnlyTheRangeAsked() {
        try (TrendStore store = TrendStore.inMemory(72 * HOUR)) {
            TrendLine fio2 = new TrendLine(store, "ICU-A/BED01", "FIO2");
            fio2.add(T0, 0.40);
            fio2.add(T0 + 2 * HOUR, 0.70);
            assertThat(fio2.range(T0 - HOUR, T0 + 6 * HOUR).values()).containsExactly(0.40, 0.70);
            assertThat(fio2.range(T0 + HOUR, T0 + 6 * HOUR).values()).containsExactly(0.70);
            fio2.add(T0 + 2 * HOUR + 1_000, 0.80);
            assertThat(fio2.range(T0 - HOUR, T0 + 6 * HOUR).values()).containsExactly(0.40, 0.70, 0.80);
        }
    }

    @Test
    void shouldMergeALateSampleIntoItsOwnMinute() {
        try (TrendStore store = TrendStore.inMemory(72 * HOUR)) {
            TrendLine map = new TrendLine(store, "ICU-A/BED01", "MAP");
            map.add(T0, 75);
            map.add(T0 + 10 * 60_000L, 74);
            map.add(T0 + 20_000, 58); // a device catching up after an outage
            assertThat(map.range(T0, T0 + HOUR).values()).containsExactly(75.0, 58.0, 74.0);
        }
    }

    @Test
    void shouldGiveTheSameChartWhenTheSameInputIsSeenAgainAfterARestart() {
        try (TrendStore store = TrendStore.open(dir, 72 * HOUR)) {
            TrendLine hr = new TrendLine(store, "ICU-A/BED02", "HR");
            play(hr);
            hr.stageCurrent(); // as the ward view does when it closes
        }
        TrendStore.Points first;
        try (TrendStore store = TrendStore.open(dir, 72 * HOUR)) {
            first = new TrendLine(store, "ICU-A/BED02", "HR").range(T0, T0 + HOUR);
        }
        try (TrendStore store = TrendStore.open(dir, 72 * HOUR)) {
            TrendLine again = new TrendLine(store, "ICU-A/BED02", "HR");
            play(again); // start-up recovery feeds the journal through the view once more
            TrendStore.Points second = again.range(T0, T0 + HOUR);
            assertThat(second.times()).containsExactly(first.times());
            assertThat(second.values()).containsExactly(first.values());
            assertThat(first.size()).isPositive();
        }
    }

    @Test
    void shouldForgetMinutesOlderThanTheRetention() {
        try (TrendStore store = TrendStore.inMemory(2 * HOUR)) {
            TrendLine hr = new TrendLine(store, "ICU-A/BED01", "HR");
            for (int m = 0; m <= 5 * 60; m++) {
                hr.add(T0 + m * 60_000L, 80 + m % 7);
            }
            store.flush();
            assertThat(hr.range(T0, T0 + HOUR).size()).isZero();
            assertThat(hr.range(T0 + 4 * HOUR, T0 + 5 * HOUR).size()).isPositive();
        }
    }

    private static void play(TrendLine line) {
        for (int s = 0; s < 1800; s += 5) {
            line.add(T0 + s * 1000L, 60 + (s * 7) % 40);
        }
    }
}
