package org.infusionwatch.sims.model;

/**
 * A fixed-period report schedule in sim time, shared by the periodic devices.
 *
 * <p>Reports are due at {@code firstMs + k * periodMs}; a late tick catches up report by report
 * instead of skipping, so the output does not depend on how often the caller ticks.
 *
 * <p>Threading: not thread-safe; owned by its device.
 */
public final class ReportSchedule {

    private final long periodMs;
    private long nextDueMs;
    private long sequence;

    public ReportSchedule(long firstMs, long periodMs) {
        if (periodMs <= 0) {
            throw new IllegalArgumentException("periodMs: " + periodMs + " (expected: > 0)");
        }
        this.periodMs = periodMs;
        this.nextDueMs = firstMs;
    }

    public long nextDueMs() {
        return nextDueMs;
    }

    /** Whether a report is due at or before {@code nowMs}. */
    public boolean isDue(long nowMs) {
        return nextDueMs <= nowMs;
    }

    /** Takes the report that is due: returns its time and moves on to the next one. */
    public long takeDue() {
        long due = nextDueMs;
        nextDueMs += periodMs;
        return due;
    }

    /** The next report sequence number, starting at 1. */
    public long nextSequence() {
        return ++sequence;
    }
}
