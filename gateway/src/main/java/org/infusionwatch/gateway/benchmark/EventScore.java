package org.infusionwatch.gateway.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.infusionwatch.agent.model.EventCode;

/**
 * The detection figures of one event code over the library: expected, detected, false alerts,
 * and the delays beyond the hold time (event time) of the detections. Mutable while the
 * benchmark counts; not thread-safe.
 */
final class EventScore {
    final EventCode event;
    int expected;
    int detected;
    int falseAlerts;
    final List<Long> delaysMs = new ArrayList<>();
    final List<String> misses = new ArrayList<>();
    final List<String> falses = new ArrayList<>();

    EventScore(EventCode event) {
        this.event = event;
    }

    void add(EventScore other) {
        expected += other.expected;
        detected += other.detected;
        falseAlerts += other.falseAlerts;
        delaysMs.addAll(other.delaysMs);
        misses.addAll(other.misses);
        falses.addAll(other.falses);
    }

    /** Detected / expected; 1 when nothing was expected. */
    double sensitivity() {
        return expected == 0 ? 1.0 : (double) detected / expected;
    }

    long medianDelayMs() {
        if (delaysMs.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(delaysMs);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    long worstDelayMs() {
        return delaysMs.isEmpty() ? 0 : Collections.max(delaysMs);
    }
}
