package org.infusionwatch.agent.engine;

/**
 * One physiological signal of a bed (SpO2, heart rate, arterial mean pressure): its artefact-free
 * samples for the baseline median, and the runs of its early-warning condition. The ring holds
 * {@value #SAMPLES} samples: the baseline hour (and a minute after onset, when each infusion takes
 * its baselines) at up to 2 samples a second. Samples must come
 * in event-time order; a repeat of the latest time is a duplicate and an older one is out of
 * order, and both are set aside (counted as artefacts) rather than bending the ring's order.
 *
 * <p>Owned by the engine thread.
 */
final class PhysioSignal {
    /** One baseline sample per 5 s at most: 720 an hour, plenty for a median, whatever the monitor's rate. */
    static final long BASELINE_SLOT_MS = 5_000L;
    /** How late a delivery-start may arrive and still find its whole baseline hour held. */
    static final long LATE_ONSET_REACH_MS = 30 * 60_000L;

    /** The signal's place in {@link BedState#physio} and in each infusion's baselines. */
    final int index;
    final SampleRing samples;
    final SustainedRuns runs;
    private long lastTimeMs = Long.MIN_VALUE;

    /**
     * @param baselineMs how far before an onset the baseline median reaches (the profile's baseline)
     */
    PhysioSignal(int index, long holdMs, long maxGapMs, long baselineMs) {
        this.index = index;
        this.runs = new SustainedRuns(holdMs, maxGapMs);
        int slots = (int) Math.ceil((double) (baselineMs + LATE_ONSET_REACH_MS) / BASELINE_SLOT_MS) + 1;
        this.samples = new SampleRing(slots, BASELINE_SLOT_MS);
    }

    /** Null when {@code timeMs} is later than every sample so far, else why the sample is set aside. */
    ArtefactKind orderProblem(long timeMs) {
        if (timeMs == lastTimeMs) {
            return ArtefactKind.DUPLICATE;
        }
        return timeMs < lastTimeMs ? ArtefactKind.OUT_OF_ORDER : null;
    }

    /** A sample in order that is an artefact: it only moves the signal's time on. */
    void skip(long timeMs) {
        lastTimeMs = timeMs;
    }

    /** An artefact-free sample in order; true when it completes a run of the early-warning condition. */
    boolean accept(long timeMs, double value, boolean violating) {
        lastTimeMs = timeMs;
        samples.add(timeMs, value);
        return runs.onSample(timeMs, value, violating);
    }
}
