package org.infusionwatch.agent.engine;

/**
 * Finds runs of a physiological condition (SpO2 under 88 %, ...) on artefact-free samples that
 * last at least the hold time, and keeps a small log of them in primitive arrays, so early
 * warnings can be matched to an infusion's window even when the delivery-start arrives late.
 * A run starts at the first violating sample and breaks at a normal sample or when two samples
 * are further apart than the maximum gap (no data is not evidence). Per sample: O(1), no
 * allocation.
 *
 * <p>Owned by the engine thread.
 */
final class SustainedRuns {
    static final long NONE = Long.MIN_VALUE;
    private static final int LOG_SIZE = 64;

    private final long holdMs;
    private final long maxGapMs;
    private long runStart = NONE;
    private long lastSampleMs = NONE;
    private boolean logged;
    private double runMin;
    private double runMax;

    private final long[] starts = new long[LOG_SIZE];
    private final long[] sustained = new long[LOG_SIZE];
    private final double[] mins = new double[LOG_SIZE];
    private final double[] maxs = new double[LOG_SIZE];
    private int count;

    SustainedRuns(long holdMs, long maxGapMs) {
        this.holdMs = holdMs;
        this.maxGapMs = maxGapMs;
    }

    /** One artefact-free sample, in event-time order; true when it completes a run's hold (a new run in the log). */
    boolean onSample(long timeMs, double value, boolean violating) {
        if (lastSampleMs != NONE && timeMs - lastSampleMs > maxGapMs) {
            runStart = NONE;
        }
        lastSampleMs = timeMs;
        if (!violating) {
            runStart = NONE;
            return false;
        }
        if (runStart == NONE) {
            runStart = timeMs;
            logged = false;
            runMin = value;
            runMax = value;
        }
        runMin = Math.min(runMin, value);
        runMax = Math.max(runMax, value);
        int last = (count - 1) % LOG_SIZE;
        if (logged) {
            mins[last] = runMin;
            maxs[last] = runMax;
        } else if (timeMs - runStart >= holdMs) {
            int at = count % LOG_SIZE;
            starts[at] = runStart;
            sustained[at] = timeMs;
            mins[at] = runMin;
            maxs[at] = runMax;
            count++;
            logged = true;
            return true;
        }
        return false;
    }

    /** Index of the first logged run that started in {@code [fromMs, toMs]}, or -1. */
    int firstStartingIn(long fromMs, long toMs) {
        int first = Math.max(0, count - LOG_SIZE);
        for (int i = first; i < count; i++) {
            long s = starts[i % LOG_SIZE];
            if (s >= fromMs && s <= toMs) {
                return i;
            }
        }
        return -1;
    }

    long startOf(int run) {
        return starts[run % LOG_SIZE];
    }

    long sustainedAt(int run) {
        return sustained[run % LOG_SIZE];
    }

    double minOf(int run) {
        return mins[run % LOG_SIZE];
    }

    double maxOf(int run) {
        return maxs[run % LOG_SIZE];
    }
}
