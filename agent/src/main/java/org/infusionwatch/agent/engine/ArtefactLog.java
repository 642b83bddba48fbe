package org.infusionwatch.agent.engine;

/**
 * When artefacts happened at a bed, per kind, in primitive rings of event times (the latest
 * {@value #PER_KIND} of each kind) and total counts, so an alert can say how many artefacts were
 * set aside since its infusion's onset (see {@link Infusion#artefactsSinceOnset}). Recording
 * never allocates.
 *
 * <p>Owned by the engine thread.
 */
final class ArtefactLog {
    private static final int PER_KIND = 1024;
    private static final ArtefactKind[] KINDS = ArtefactKind.values();

    private final long[][] times = new long[KINDS.length][PER_KIND];
    private final long[] totals = new long[KINDS.length];

    void record(ArtefactKind kind, long timeMs) {
        int k = kind.ordinal();
        times[k][(int) (totals[k] % PER_KIND)] = timeMs;
        totals[k]++;
    }

    /** How many artefacts of {@code kind} happened in {@code [fromMs, toMs]} (the latest 1024 kept). */
    int count(ArtefactKind kind, long fromMs, long toMs) {
        int k = kind.ordinal();
        long held = Math.min(totals[k], PER_KIND);
        int n = 0;
        for (int i = 0; i < held; i++) {
            long t = times[k][i];
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
