package org.infusionwatch.agent.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SampleRingTest {
    private static final long T = 1_790_000_000_000L;

    @Test
    void shouldTakeTheMedianOfTheSamplesInsideTheRange() {
        SampleRing ring = new SampleRing(100, 1_000);
        double[] values = {97, 93, 95, 99, 91};
        for (int i = 0; i < values.length; i++) {
            ring.add(T + i * 1_000L, values[i]);
        }
        assertThat(ring.median(T, T + 4_000)).isEqualTo(95);
        assertThat(ring.median(T + 1_000, T + 4_000)).isEqualTo(94);
        assertThat(ring.median(T + 10_000, T + 20_000)).isNaN();
    }

    @Test
    void shouldKeepOneSamplePerSlotSoAFastMonitorCostsNoMoreThanASlowOne() {
        SampleRing ring = new SampleRing(8, 5_000);
        // Four samples a second for 40 s: the first of each 5 s slot is kept, eight in all.
        for (int i = 0; i < 160; i++) {
            ring.add(T + i * 250L, i < 80 ? 90 : 100);
        }
        assertThat(ring.median(T, T + 40_000)).isEqualTo(95);
        assertThat(ring.median(T, T + 19_999)).isEqualTo(90);
        assertThat(ring.spanMs()).isEqualTo(40_000);
    }

    @Test
    void shouldQuoteTheLatestSampleExactlyEvenInsideASlot() {
        SampleRing ring = new SampleRing(8, 5_000);
        ring.add(T, 90);
        ring.add(T + 1_000, 91);
        ring.add(T + 2_000, 92);
        assertThat(ring.valueAtOrBefore(T + 2_500)).isEqualTo(92);
        assertThat(ring.valueAtOrBefore(T + 1_500)).isEqualTo(90);
        assertThat(ring.valueAtOrBefore(T - 1)).isNaN();
    }

    @Test
    void shouldOverwriteTheOldestSamplesWhenFull() {
        SampleRing ring = new SampleRing(4, 1_000);
        for (int i = 0; i < 10; i++) {
            ring.add(T + i * 1_000L, i);
        }
        assertThat(ring.median(T, T + 10_000)).isEqualTo(7.5);
    }

    @Test
    void shouldKeepExactTimesAcrossMonthsOfSamples() {
        SampleRing ring = new SampleRing(4, 1_000);
        long day = 86_400_000L;
        // A sample every day for 60 days crosses the int offset limit (about 24.8 days) twice.
        for (int i = 0; i < 60; i++) {
            ring.add(T + i * day, i);
        }
        assertThat(ring.median(T + 56 * day, T + 59 * day)).isEqualTo(57.5);
        assertThat(ring.valueAtOrBefore(T + 58 * day + 1)).isEqualTo(58);
        // A bed silent for a year starts again with nothing old held.
        ring.add(T + 400 * day, 42);
        assertThat(ring.median(T, T + 400 * day)).isEqualTo(42);
    }
}
