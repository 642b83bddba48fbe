package org.infusionwatch.agent.engine;

import java.util.Arrays;

/**
 * The latest artefact-free samples of one physiological signal, in event-time order, in two
 * primitive arrays used as a ring: adding a sample never allocates. The oldest samples are
 * overwritten once the ring is full; the capacity covers the baseline hour plus a late
 * delivery-start at any realistic sampling rate.
 *
 * <p>Owned by the engine thread.
 */
final class SampleRing {
    private final long[] times;
    private final double[] values;
    private int head;
    private int size;

    SampleRing(int capacity) {
        times = new long[capacity];
        values = new double[capacity];
    }

    /** Adds a sample; the caller keeps event-time order (later than every sample already held). */
    void add(long timeMs, double value) {
        int at = (head + size) % times.length;
        times[at] = timeMs;
        values[at] = value;
        if (size < times.length) {
            size++;
        } else {
            head = (head + 1) % times.length;
        }
    }

    /**
     * Median of the samples in {@code [fromMs, toMs]}, NaN when there are none. Used when an
     * alert is built, not per sample, so it may copy.
     */
    double median(long fromMs, long toMs) {
        double[] picked = new double[size];
        int n = 0;
        for (int i = 0; i < size; i++) {
            int at = (head + i) % times.length;
            if (times[at] >= fromMs && times[at] <= toMs) {
                picked[n++] = values[at];
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        Arrays.sort(picked, 0, n);
        return n % 2 == 1 ? picked[n / 2] : (picked[n / 2 - 1] + picked[n / 2]) / 2;
    }

    /** The latest sample at or before {@code timeMs}, NaN when none. */
    double valueAtOrBefore(long timeMs) {
        for (int i = size - 1; i >= 0; i--) {
            int at = (head + i) % times.length;
            if (times[at] <= timeMs) {
                return values[at];
            }
        }
        return Double.NaN;
    }
}
