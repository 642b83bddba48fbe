package org.infusionwatch.sims.load;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** A latency distribution recorded from several threads (HdrHistogram), read once at the end. */
final class LatencyStats {
    private static final long MAX_NS = TimeUnit.SECONDS.toNanos(120);
    private final Recorder recorder = new Recorder(MAX_NS, 3);
    private Histogram total;

    void record(long nanos) {
        recorder.recordValue(Math.min(Math.max(nanos, 0), MAX_NS));
    }

    Histogram histogram() {
        if (total == null) {
            total = new Histogram(MAX_NS, 3);
        }
        total.add(recorder.getIntervalHistogram());
        return total;
    }

    static String describe(Histogram h) {
        if (h.getTotalCount() == 0) {
            return "no samples";
        }
        return "n=%d p50 %s p99 %s p99.9 %s max %s".formatted(h.getTotalCount(), ms(h.getValueAtPercentile(50)),
                ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()));
    }

    static String ms(long nanos) {
        return "%.3f ms".formatted(nanos / 1e6);
    }
}
