package org.infusionwatch.agent.engine;

import java.util.Arrays;

/**
 * The recent artefact-free samples of one physiological signal, in event-time order, for the
 * baseline median: at most one sample per time slot (the first one of the slot), in two primitive
 * arrays used as a ring. Adding a sample never allocates, and the memory a bed needs does not
 * grow with its monitor's reporting rate: a monitor reporting every 250 ms and one reporting every
 * 5 s leave the same number of samples per hour. Times are held as {@code int} milliseconds after
 * a base that moves forward when they would overflow; values as {@code float} (monitors report
 * SpO2, heart rate and pressures with at most one decimal).
 *
 * <p>The latest sample is also kept exactly, whatever its slot, for evidence that quotes "the last
 * valid value".
 *
 * <p>Owned by the engine thread.
 */
final class SampleRing {
    /** Re-base before an offset comes this close to {@code Integer.MAX_VALUE} (about 24 days). */
    private static final long REBASE_AT_MS = Integer.MAX_VALUE - 86_400_000L;

    private final long slotMs;
    private final int[] offsetsMs;
    private final float[] values;
    private long baseMs;
    private long lastSlot = Long.MIN_VALUE;
    private int head;
    private int size;
    private long latestTimeMs = Long.MIN_VALUE;
    private double latestValue = Double.NaN;

    /**
     * @param capacity samples held; with {@code slotMs} it sets how far back a median can reach
     * @param slotMs   at most one sample is kept per slot of this length
     */
    SampleRing(int capacity, long slotMs) {
        if (capacity < 1 || slotMs < 1) {
            throw new IllegalArgumentException("capacity and slotMs must be positive, were " + capacity + ", " + slotMs);
        }
        this.slotMs = slotMs;
        offsetsMs = new int[capacity];
        values = new float[capacity];
    }

    /** How far back the ring reaches when every slot has a sample. */
    long spanMs() {
        return offsetsMs.length * slotMs;
    }

    /** Adds a sample; the caller keeps event-time order (later than every sample already added). */
    void add(long timeMs, double value) {
        latestTimeMs = timeMs;
        latestValue = value;
        long slot = Math.floorDiv(timeMs, slotMs);
        if (slot == lastSlot) {
            return;
        }
        lastSlot = slot;
        if (size > 0 && timeMs - baseMs > REBASE_AT_MS) {
            rebase(timeMs);
        }
        if (size == 0) {
            baseMs = timeMs;
        }
        int at = (head + size) % offsetsMs.length;
        offsetsMs[at] = (int) (timeMs - baseMs);
        values[at] = (float) value;
        if (size < offsetsMs.length) {
            size++;
        } else {
            head = (head + 1) % offsetsMs.length;
        }
    }

    /**
     * Median of the held samples in {@code [fromMs, toMs]}, NaN when there are none. Used when an
     * alert is built, not per sample, so it may sort a copy.
     */
    double median(long fromMs, long toMs) {
        float[] scratch = new float[size];
        int n = 0;
        for (int i = 0; i < size; i++) {
            int at = (head + i) % offsetsMs.length;
            long t = baseMs + offsetsMs[at];
            if (t >= fromMs && t <= toMs) {
                scratch[n++] = values[at];
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        Arrays.sort(scratch, 0, n);
        return n % 2 == 1 ? scratch[n / 2] : ((double) scratch[n / 2 - 1] + scratch[n / 2]) / 2;
    }

    /** The latest sample at or before {@code timeMs}, NaN when none is held. */
    double valueAtOrBefore(long timeMs) {
        if (latestTimeMs != Long.MIN_VALUE && latestTimeMs <= timeMs) {
            return latestValue;
        }
        for (int i = size - 1; i >= 0; i--) {
            int at = (head + i) % offsetsMs.length;
            if (baseMs + offsetsMs[at] <= timeMs) {
                return values[at];
            }
        }
        return Double.NaN;
    }

    /**
     * Moves the base to the oldest held sample (once in about three weeks of samples); when even
     * that one is too old to be offset from {@code timeMs}, forgets everything held, since no
     * baseline reaches that far back.
     */
    private void rebase(long timeMs) {
        int oldest = offsetsMs[head];
        if (timeMs - (baseMs + oldest) > REBASE_AT_MS) {
            size = 0;
            head = 0;
            return;
        }
        for (int i = 0; i < size; i++) {
            int at = (head + i) % offsetsMs.length;
            offsetsMs[at] -= oldest;
        }
        baseMs += oldest;
    }
}
