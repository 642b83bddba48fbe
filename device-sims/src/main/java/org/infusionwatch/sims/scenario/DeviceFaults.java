package org.infusionwatch.sims.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.infusionwatch.sims.model.DeviceSample;

/**
 * What goes wrong between a bed's devices and the network, per device: silence (reports are
 * lost), delay (reports are held and delivered later, with their own times), duplicates (a report
 * is sent twice with the same message id) and swaps (two reports arrive in reverse order).
 *
 * <p>Threading: not thread-safe; owned by the thread that runs the {@link BedSimulation}.
 */
final class DeviceFaults {

    private final Map<String, Long> mutedUntil = new HashMap<>();
    private final Map<String, Long> delayedUntil = new HashMap<>();
    private final Map<String, List<DeviceSample>> held = new HashMap<>();
    private final Map<String, Integer> duplicates = new HashMap<>();
    private final Map<String, Integer> swaps = new HashMap<>();
    private final Map<String, DeviceSample> swapHeld = new HashMap<>();

    void mute(String deviceId, long untilMs) {
        mutedUntil.put(deviceId, untilMs);
    }

    void delay(String deviceId, long untilMs) {
        delayedUntil.put(deviceId, untilMs);
    }

    void duplicate(String deviceId, int count) {
        duplicates.merge(deviceId, count, Integer::sum);
    }

    void swap(String deviceId, int pairs) {
        swaps.merge(deviceId, pairs, Integer::sum);
    }

    /** The earliest time at which held reports are to be delivered, or {@link Long#MAX_VALUE}. */
    long nextReleaseMs() {
        long next = Long.MAX_VALUE;
        for (Map.Entry<String, List<DeviceSample>> e : held.entrySet()) {
            if (!e.getValue().isEmpty()) {
                next = Math.min(next, delayedUntil.get(e.getKey()));
            }
        }
        return next;
    }

    /** Delivers the reports held until {@code nowMs} or before, oldest first. */
    void release(long nowMs, BedOutput out) {
        for (Map.Entry<String, List<DeviceSample>> e : held.entrySet()) {
            if (!e.getValue().isEmpty() && delayedUntil.get(e.getKey()) <= nowMs) {
                e.getValue().forEach(out::onSample);
                e.getValue().clear();
            }
        }
    }

    /** Passes a device's report through the faults to {@code out}. */
    void pass(DeviceSample sample, BedOutput out) {
        String id = sample.deviceId();
        if (sample.timeMs() < mutedUntil.getOrDefault(id, Long.MIN_VALUE)) {
            return;
        }
        if (sample.timeMs() < delayedUntil.getOrDefault(id, Long.MIN_VALUE)) {
            held.computeIfAbsent(id, k -> new ArrayList<>()).add(sample);
            return;
        }
        if (swaps.getOrDefault(id, 0) > 0) {
            DeviceSample first = swapHeld.remove(id);
            if (first == null) {
                swapHeld.put(id, sample);
                return;
            }
            swaps.merge(id, -1, Integer::sum);
            emit(sample, out);
            emit(first, out);
            return;
        }
        emit(sample, out);
    }

    private void emit(DeviceSample sample, BedOutput out) {
        out.onSample(sample);
        String id = sample.deviceId();
        if (duplicates.getOrDefault(id, 0) > 0) {
            duplicates.merge(id, -1, Integer::sum);
            out.onSample(sample);
        }
    }
}
