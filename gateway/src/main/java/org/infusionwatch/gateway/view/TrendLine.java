package org.infusionwatch.gateway.view;

/**
 * One signal's chart line at one bed: the minute in progress is kept here, each finished minute
 * goes to the {@link TrendStore}. A sample older than the minute in progress (a device catching up
 * after an outage) is merged straight into its own minute on disk.
 *
 * <p>Not thread-safe: owned by the ward view's thread.
 */
final class TrendLine {
    private final TrendStore store;
    private final String bed;
    private final String series;
    private final int line;
    private final TrendStore.MinuteEnvelope current = new TrendStore.MinuteEnvelope();
    /** The minute in progress is in the store as it is now (a chart was read since its last sample). */
    private boolean currentStored;

    TrendLine(TrendStore store, String bed, String series) {
        this.store = store;
        this.bed = bed;
        this.series = series;
        this.line = store.line(bed, series);
    }

    void add(long timeMs, double value) {
        if (Double.isNaN(value)) {
            return;
        }
        if (current.holds(timeMs)) {
            current.add(timeMs, value);
            currentStored = false;
        } else if (current.minuteMs == Long.MIN_VALUE || timeMs > current.minuteMs) {
            if (current.minuteMs != Long.MIN_VALUE && !currentStored) {
                store.stage(line, current);
            }
            current.start(timeMs, value);
            currentStored = false;
        } else {
            TrendStore.MinuteEnvelope late = new TrendStore.MinuteEnvelope();
            late.start(timeMs, value);
            store.stage(line, late);
        }
    }

    /** Puts the minute in progress in the store as it is now (before a chart is read, and at close). */
    void stageCurrent() {
        if (current.minuteMs != Long.MIN_VALUE && !currentStored) {
            store.stage(line, current);
            currentStored = true;
        }
    }

    /** The line's points from {@code fromMs} to {@code toMs}, the minute in progress included. */
    TrendStore.Points range(long fromMs, long toMs) {
        stageCurrent();
        TrendStore.Points points = new TrendStore.Points();
        store.read(bed, series, fromMs, toMs, points);
        return points;
    }
}
