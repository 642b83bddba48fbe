package org.infusionwatch.agent.engine;

import java.util.Arrays;

/**
 * The changes of one device setting in event time: a point is kept only where the value changes,
 * so a ventilator repeating its settings every minute costs nothing. Points may arrive out of
 * order (a device backfilling after an outage) and are placed by their event time.
 *
 * <p>Also used for on/off states (an alarm active = 1, ended = 0) and for ventilation-mode levels.
 *
 * <p>Owned by the engine thread.
 */
final class SettingHistory {
    private long[] times = new long[16];
    private double[] values = new double[16];
    private int size;
    private final int capacity;

    SettingHistory(int capacity) {
        this.capacity = capacity;
    }

    /** Records a value from {@code timeMs} on; false when it repeats the value then in effect (nothing changes). */
    boolean record(long timeMs, double value) {
        int at = upperBound(timeMs);
        // Bits, not ==, so that a repeated NaN (a dose that cannot be computed) is a repeat too.
        if (at > 0 && Double.doubleToLongBits(values[at - 1]) == Double.doubleToLongBits(value)) {
            return false;
        }
        if (size == capacity) {
            dropOldestHalf();
            at = upperBound(timeMs);
        }
        if (size == times.length) {
            times = Arrays.copyOf(times, Math.min(capacity, size * 2));
            values = Arrays.copyOf(values, times.length);
        }
        System.arraycopy(times, at, times, at + 1, size - at);
        System.arraycopy(values, at, values, at + 1, size - at);
        times[at] = timeMs;
        values[at] = value;
        size++;
        return true;
    }

    /** The value in effect at {@code timeMs}, NaN when nothing was known then. */
    double valueAt(long timeMs) {
        int at = upperBound(timeMs);
        return at == 0 ? Double.NaN : values[at - 1];
    }

    /**
     * The value in effect at {@code timeMs} or, when the device had not reported by then, its first
     * report within {@code graceMs} after (devices report settings periodically, not at the instant
     * of an infusion's onset).
     */
    double valueAtOrSoonAfter(long timeMs, long graceMs) {
        int at = upperBound(timeMs);
        if (at > 0) {
            return values[at - 1];
        }
        return size > 0 && times[0] <= timeMs + graceMs ? values[0] : Double.NaN;
    }

    /** Time of the first point strictly after {@code timeMs}, or {@link Long#MAX_VALUE}. */
    long nextTimeAfter(long timeMs) {
        int at = upperBound(timeMs);
        return at < size ? times[at] : Long.MAX_VALUE;
    }

    /** True when the value was {@code value} at any time in {@code [fromMs, toMs]}. */
    boolean hadValueIn(long fromMs, long toMs, double value) {
        if (valueAt(fromMs) == value) {
            return true;
        }
        for (int i = upperBound(fromMs); i < size && times[i] <= toMs; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    int size() {
        return size;
    }


    long timeAt(int index) {
        return times[index];
    }

    /** Index of the first point strictly after {@code timeMs}. */
    int upperBound(long timeMs) {
        // Most questions are about now, after every point: answer those without a search.
        if (size == 0 || timeMs >= times[size - 1]) {
            return size;
        }
        int lo = 0;
        int hi = size - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] <= timeMs) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private void dropOldestHalf() {
        int keep = size / 2;
        System.arraycopy(times, size - keep, times, 0, keep);
        System.arraycopy(values, size - keep, values, 0, keep);
        size = keep;
    }
}
