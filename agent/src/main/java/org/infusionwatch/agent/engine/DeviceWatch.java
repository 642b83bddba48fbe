package org.infusionwatch.agent.engine;

/**
 * When each monitored device of a bed (patient monitor, ventilator: a device that reported a
 * vital sign or a ventilator setting) last reported, in event time, for SIGNAL_LOSS. A device is
 * watched only once it has shown a cadence of at most half the silence limit (two gaps in a row):
 * a device that reports only on change, or every minute, cannot be called silent after 60 s
 * without crying wolf at every late report; one that reports every 30 s can. Preallocated slots keyed by device id; reporting never allocates.
 *
 * <p>Owned by the engine thread.
 */
final class DeviceWatch {
    static final int SLOTS = 16;
    private static final int REGULAR_GAPS = 2;

    private final long limitMs;
    private final String[] ids = new String[SLOTS];
    private final long[] lastSeenMs = new long[SLOTS];
    private final int[] regularGaps = new int[SLOTS];
    private int used;
    /** Moves whenever a device's last report or cadence changes. */
    private long changes;

    DeviceWatch(long limitMs) {
        this.limitMs = limitMs;
    }

    void seen(String deviceId, long timeMs) {
        if (deviceId == null || deviceId.isEmpty()) {
            return;
        }
        int i = slotOf(deviceId);
        if (i >= 0) {
            if (timeMs > lastSeenMs[i]) {
                regularGaps[i] = 2 * (timeMs - lastSeenMs[i]) <= limitMs ? regularGaps[i] + 1 : 0;
                lastSeenMs[i] = timeMs;
                changes++;
            }
            return;
        }
        int slot = used < SLOTS ? used++ : oldest();
        ids[slot] = deviceId;
        lastSeenMs[slot] = timeMs;
        regularGaps[slot] = 0;
        changes++;
    }

    /**
     * The device's slot, or -1. Decoders hand out the same id String for every report of a device,
     * so references are compared first, over all slots, before any name is read.
     */
    private int slotOf(String deviceId) {
        for (int i = 0; i < used; i++) {
            if (ids[i] == deviceId) {
                return i;
            }
        }
        for (int i = 0; i < used; i++) {
            if (ids[i].equals(deviceId)) {
                return i;
            }
        }
        return -1;
    }

    long changes() {
        return changes;
    }

    private int oldest() {
        int oldest = 0;
        for (int i = 1; i < SLOTS; i++) {
            if (lastSeenMs[i] < lastSeenMs[oldest]) {
                oldest = i;
            }
        }
        return oldest;
    }

    int size() {
        return used;
    }

    String id(int slot) {
        return ids[slot];
    }

    long lastSeenMs(int slot) {
        return lastSeenMs[slot];
    }

    /** True when the device reports regularly enough for its silence to mean something. */
    boolean isWatched(int slot) {
        return regularGaps[slot] >= REGULAR_GAPS;
    }
}
