package org.infusionwatch.agent.engine;

import java.util.EnumSet;
import java.util.Set;
import org.infusionwatch.agent.model.EventCode;

/**
 * One study infusion at a bed: its onset (T0), its windows and what has been flagged in them.
 * Windows run from the first start; pauses and resumes do not move them. Owned by the engine thread.
 */
final class Infusion {
    static final long NOT_COMPLETED = Long.MAX_VALUE;

    final String id;
    final long onsetMs;
    final String source;
    long completedMs = NOT_COMPLETED;
    boolean windowClosedNoticed;
    /** Past the longest window and hold: rules no longer look at this infusion. */
    boolean settled;
    private final Set<EventCode> flagged = EnumSet.noneOf(EventCode.class);
    /** Median of each physiological signal over the hour before onset, by {@link PhysioSignal#index}. */
    private final double[] baselines = {Double.NaN, Double.NaN, Double.NaN};
    /** Per artefact kind, how many the bed had recorded before onset; taken with the baselines. */
    private final long[] artefactsBeforeOnset = new long[ArtefactKind.values().length];
    private boolean baselinesTaken;
    /** Per rule (engine order): the inputs' version and the bed time up to which its last null answer holds. */
    private final long[] askedAtVersion;
    private final long[] quietUntilMs;

    Infusion(String id, long onsetMs, String source, int rules) {
        this.id = id;
        this.onsetMs = onsetMs;
        this.source = source;
        this.askedAtVersion = new long[rules];
        this.quietUntilMs = new long[rules];
        java.util.Arrays.fill(quietUntilMs, Rule.ASK_AGAIN);
    }

    /** The bed summary at which every rule that follows it last found nothing, and until when that holds. */
    private long quietSummary = -1;
    private long allQuietUntilMs = Rule.ASK_AGAIN;

    /** True when no rule that follows the bed summary can find anything: summary unchanged and time short of every hold. */
    boolean quietAsOf(long bedSummary, long nowMs) {
        return bedSummary == quietSummary && nowMs < allQuietUntilMs;
    }

    /** Every rule that follows the bed summary found nothing at {@code bedSummary}; the earliest may change at {@code untilMs}. */
    void allQuiet(long bedSummary, long untilMs) {
        quietSummary = bedSummary;
        allQuietUntilMs = untilMs;
    }

    /** Until when rule {@code r}'s last null answer holds with its inputs unchanged. */
    long quietUntilMs(int r) {
        return quietUntilMs[r];
    }

    /** False when rule {@code r} answered null with these inputs and its answer cannot have changed by {@code nowMs}. */
    boolean worthAsking(int r, long inputsVersion, long nowMs) {
        return inputsVersion != askedAtVersion[r] || nowMs >= quietUntilMs[r];
    }

    /** Rule {@code r} found nothing with inputs at {@code inputsVersion}, and will not until {@code untilMs}. */
    void foundNothing(int r, long inputsVersion, long untilMs) {
        askedAtVersion[r] = inputsVersion;
        quietUntilMs[r] = untilMs;
    }

    boolean isDelivering() {
        return completedMs == NOT_COMPLETED;
    }

    /** Each event is flagged at most once per infusion: one alert, not one per message. */
    boolean markFlagged(EventCode code) {
        return flagged.add(code);
    }

    boolean wasFlagged(EventCode code) {
        return flagged.contains(code);
    }

    boolean baselinesTaken() {
        return baselinesTaken;
    }

    /**
     * Keeps the physiological baselines (median of the artefact-free samples over {@code baselineMs}
     * before onset) while the sample rings still hold that hour: an alert raised hours later would
     * find the rings overwritten. Allocates (a median sorts a copy): once per infusion.
     */
    void takeBaselines(BedState bed, long baselineMs) {
        for (PhysioSignal s : bed.physio) {
            baselines[s.index] = s.samples.median(onsetMs - baselineMs, onsetMs);
        }
        // The ring still holds the minute since onset, so the total before onset is exact.
        for (ArtefactKind kind : ArtefactKind.values()) {
            artefactsBeforeOnset[kind.ordinal()] = bed.artefacts.total(kind)
                    - bed.artefacts.count(kind, onsetMs, Long.MAX_VALUE);
        }
        baselinesTaken = true;
    }

    /**
     * Artefacts of {@code kind} set aside at the bed since onset: every one, from the totals, once
     * the count before onset is known; until then from the ring (which then still holds them all).
     */
    int artefactsSinceOnset(BedState bed, ArtefactKind kind) {
        if (baselinesTaken) {
            return (int) Math.min(Integer.MAX_VALUE, bed.artefacts.total(kind) - artefactsBeforeOnset[kind.ordinal()]);
        }
        return bed.artefacts.count(kind, onsetMs, bed.nowMs);
    }

    /** The baseline of {@code signal}: kept once taken, until then read from its ring. */
    double baseline(PhysioSignal signal, long baselineMs) {
        return baselinesTaken ? baselines[signal.index] : signal.samples.median(onsetMs - baselineMs, onsetMs);
    }
}
