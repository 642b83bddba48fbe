package org.infusionwatch.gateway.view;

import java.util.Arrays;

/**
 * Finished minutes waiting to be written to {@code trends.db}, in plain arrays: nothing here points
 * at another object, so a buffer that lives as long as the gateway costs the garbage collector
 * nothing to scan, and staging a minute allocates nothing once the arrays have grown.
 *
 * <p>{@link #writeOrder} gives the staged minutes in the order of the table's key (bed, signal,
 * minute), so a flush walks the table's pages once from left to right instead of jumping between
 * the lines of every bed for each minute. Minutes of the same line keep the order they were
 * staged in, which is what the merge of equal values depends on.
 *
 * <p>Not thread-safe: owned by the ward view's thread.
 */
final class StagedMinutes {
    private int[] line = new int[256];
    private long[] minute = new long[256];
    private double[] minValue = new double[256];
    private long[] minTime = new long[256];
    private double[] maxValue = new double[256];
    private long[] maxTime = new long[256];
    private long[] order = new long[256];
    private int size;

    void add(int lineId, TrendStore.MinuteEnvelope e) {
        if (size == line.length) {
            grow();
        }
        line[size] = lineId;
        minute[size] = e.minuteMs;
        minValue[size] = e.minValue;
        minTime[size] = e.minTimeMs;
        maxValue[size] = e.maxValue;
        maxTime[size] = e.maxTimeMs;
        size++;
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    /**
     * The staged minutes' indexes, ordered by their line's rank and then by when they were staged.
     *
     * @param rankOfLine each line id's place in the table's key order
     * @return an array whose first {@link #size()} entries hold the order; index {@code i} is
     *         {@code (int) entry}
     */
    long[] writeOrder(int[] rankOfLine) {
        for (int i = 0; i < size; i++) {
            order[i] = ((long) rankOfLine[line[i]] << 32) | i;
        }
        Arrays.sort(order, 0, size);
        return order;
    }

    int line(int i) {
        return line[i];
    }

    long minute(int i) {
        return minute[i];
    }

    double minValue(int i) {
        return minValue[i];
    }

    long minTime(int i) {
        return minTime[i];
    }

    double maxValue(int i) {
        return maxValue[i];
    }

    long maxTime(int i) {
        return maxTime[i];
    }

    private void grow() {
        int n = line.length * 2;
        line = Arrays.copyOf(line, n);
        minute = Arrays.copyOf(minute, n);
        minValue = Arrays.copyOf(minValue, n);
        minTime = Arrays.copyOf(minTime, n);
        maxValue = Arrays.copyOf(maxValue, n);
        maxTime = Arrays.copyOf(maxTime, n);
        order = Arrays.copyOf(order, n);
    }
}
