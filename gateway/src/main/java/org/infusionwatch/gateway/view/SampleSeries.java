package org.infusionwatch.gateway.view;

import java.util.Arrays;

/**
 * One signal's values at one bed, in event-time order, for the coordinator's charts. Samples
 * older than the retention behind the newest one are dropped. Not thread-safe: owned by the
 * ward view's thread.
 */
final class SampleSeries {
    private final long retentionMs;
    private long[] times = new long[64];
    private double[] values = new double[64];
    private int start;
    private int end;

    SampleSeries(long retentionMs) {
        this.retentionMs = retentionMs;
    }

    /** Adds a sample; one that arrives out of order is put in its place, a repeat of a time replaces it. */
    void add(long timeMs, double value) {
        if (end > start && timeMs < times[end - 1]) {
            int at = Arrays.binarySearch(times, start, end, timeMs);
            if (at >= 0) {
                values[at] = value;
                return;
            }
            insertAt(-at - 1, timeMs, value);
        } else if (end > start && timeMs == times[end - 1]) {
            values[end - 1] = value;
            return;
        } else {
            ensureRoom();
            times[end] = timeMs;
            values[end] = value;
            end++;
        }
        trim();
    }

    int size() {
        return end - start;
    }

    /** Samples with {@code fromMs <= time <= toMs}: [times, values]. */
    Range range(long fromMs, long toMs) {
        int from = lowerBound(fromMs);
        int to = lowerBound(toMs + 1);
        return new Range(Arrays.copyOfRange(times, from, to), Arrays.copyOfRange(values, from, to));
    }

    /** A copied slice of a series. */
    record Range(long[] times, double[] values) {
    }

    private int lowerBound(long timeMs) {
        int at = Arrays.binarySearch(times, start, end, timeMs);
        if (at < 0) {
            return -at - 1;
        }
        while (at > start && times[at - 1] == timeMs) {
            at--;
        }
        return at;
    }

    private void insertAt(int at, long timeMs, double value) {
        ensureRoom();
        System.arraycopy(times, at, times, at + 1, end - at);
        System.arraycopy(values, at, values, at + 1, end - at);
        times[at] = timeMs;
        values[at] = value;
        end++;
    }

    private void ensureRoom() {
        if (end < times.length) {
            return;
        }
        int size = end - start;
        if (start > times.length / 2) {
            System.arraycopy(times, start, times, 0, size);
            System.arraycopy(values, start, values, 0, size);
        } else {
            long[] t = new long[times.length * 2];
            double[] v = new double[values.length * 2];
            System.arraycopy(times, start, t, 0, size);
            System.arraycopy(values, start, v, 0, size);
            times = t;
            values = v;
        }
        start = 0;
        end = size;
    }

    private void trim() {
        long cutoff = times[end - 1] - retentionMs;
        while (start < end && times[start] < cutoff) {
            start++;
        }
    }
}
