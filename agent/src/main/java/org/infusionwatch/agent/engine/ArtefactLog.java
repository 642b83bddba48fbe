package org.infusionwatch.agent.engine;

import java.util.Arrays;

/**
 * When artefacts happened at a bed, per kind, in primitive rings of event times (the latest
 * {@value #PER_KIND} of each kind) and total counts, so an alert can say how many artefacts were
 * set aside since its infusion's onset (see {@link Infusion#artefactsSinceOnset}). A kind's ring
 * is allocated at its first artefact and grows by doubling up to {@value #PER_KIND} times, then is
 * reused: most beds never see most kinds, and a bed's steady state allocates nothing.
 *
 * <p>Owned by the engine thread.
 */
final class ArtefactLog {
    private static final int PER_KIND = 1024;
    private static final int FIRST_SIZE = 16;
    private static final long[] NONE = new long[0];
    private static final ArtefactKind[] KINDS = ArtefactKind.values();

    private final long[][] times = new long[KINDS.length][];
    private final long[] totals = new long[KINDS.length];

    ArtefactLog() {
        Arrays.fill(times, NONE);
    }

    void record(ArtefactKind kind, long timeMs) {
        int k = kind.ordinal();
        long[] ring = times[k];
        if (totals[k] == ring.length && ring.length < PER_KIND) {
            ring = Arrays.copyOf(ring, Math.max(FIRST_SIZE, ring.length * 2));
            times[k] = ring;
        }
        ring[(int) (totals[k] % ring.length)] = timeMs;
        totals[k]++;
    }

    /** How many artefacts of {@code kind} happened in {@code [fromMs, toMs]} (the latest 1024 kept). */
    int count(ArtefactKind kind, long fromMs, long toMs) {
        int k = kind.ordinal();
        long[] ring = times[k];
        long held = Math.min(totals[k], ring.length);
        int n = 0;
        for (int i = 0; i < held; i++) {
            long t = ring[i];
            if (t >= fromMs && t <= toMs) {
                n++;
            }
        }
        return n;
    }

    /** Every artefact of {@code kind} ever recorded at the bed. */
    long total(ArtefactKind kind) {
        return totals[kind.ordinal()];
    }

    /** Every artefact ever recorded at the bed, of every kind. */
    long total() {
        long n = 0;
        for (long t : totals) {
            n += t;
        }
        return n;
    }
}
