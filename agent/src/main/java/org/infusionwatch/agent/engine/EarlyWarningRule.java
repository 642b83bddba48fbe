package org.infusionwatch.agent.engine;

import java.util.function.Function;
import org.infusionwatch.agent.model.EventCode;
import org.infusionwatch.agent.protocol.EarlyWarningLimits;
import org.infusionwatch.agent.protocol.ProtocolProfile;

/**
 * Early warnings (shown apart, never protocol events): SpO2 under 88 % for 2 min, MAP under
 * 65 mmHg for 5 min, heart rate over 130 or under 40 /min for 2 min, on artefact-free samples, the
 * run beginning inside the window. The runs are found per sample by {@link SustainedRuns}; this
 * rule matches them to the infusion. One instance per signal.
 *
 * <p>Owned by the engine thread.
 */
final class EarlyWarningRule implements Rule {
    private final EventCode event;
    private final Function<BedState, PhysioSignal> signal;
    private final ProtocolProfile profile;
    private final String what;
    private final String unit;

    private EarlyWarningRule(EventCode event, Function<BedState, PhysioSignal> signal, ProtocolProfile profile,
                             String what, String unit) {
        this.event = event;
        this.signal = signal;
        this.profile = profile;
        this.what = what;
        this.unit = unit;
    }

    static EarlyWarningRule desaturation(ProtocolProfile profile) {
        return new EarlyWarningRule(EventCode.EARLY_WARNING_DESATURATION, b -> b.spo2, profile, "SpO2", "%");
    }

    static EarlyWarningRule hypotension(ProtocolProfile profile) {
        return new EarlyWarningRule(EventCode.EARLY_WARNING_HYPOTENSION, b -> b.arterialMean, profile,
                "arterial mean pressure", "mmHg");
    }

    static EarlyWarningRule heartRate(ProtocolProfile profile) {
        return new EarlyWarningRule(EventCode.EARLY_WARNING_HEART_RATE, b -> b.heartRate, profile, "heart rate", "/min");
    }

    @Override
    public EventCode event() {
        return event;
    }

    @Override
    public long inputsVersion(BedState bed) {
        return bed.earlyWarningRuns;
    }

    @Override
    public long quietUntilMs() {
        return UNTIL_INPUTS_CHANGE;
    }

    @Override
    public Finding evaluate(BedState bed, Infusion infusion) {
        long t0 = infusion.onsetMs;
        PhysioSignal s = signal.apply(bed);
        int run = s.runs.firstStartingIn(t0, t0 + profile.windowMs());
        if (run < 0) {
            return null;
        }
        long start = s.runs.startOf(run);
        double baseline = infusion.baseline(s, profile.baselineMs());
        EarlyWarningLimits w = profile.earlyWarnings();
        String limit = switch (event) {
            case EARLY_WARNING_DESATURATION -> "below " + Evidence.words(w.spo2BelowPercent()) + " " + unit + " for "
                    + w.spo2HoldMs() / 1000 + " s";
            case EARLY_WARNING_HYPOTENSION -> "below " + Evidence.words(w.mapBelowMmHg()) + " " + unit + " for "
                    + w.mapHoldMs() / 1000 + " s";
            default -> "above " + Evidence.words(w.heartRateAbove()) + " or below " + Evidence.words(w.heartRateBelow())
                    + " " + unit + " for " + w.heartRateHoldMs() / 1000 + " s";
        };
        Evidence e = new Evidence()
                .summary("Early warning (not a protocol event): " + what + " " + Evidence.words(s.runs.minOf(run))
                        + (s.runs.minOf(run) == s.runs.maxOf(run) ? "" : "-" + Evidence.words(s.runs.maxOf(run))) + " "
                        + unit + " from " + Evidence.minutes(start - t0) + " min after onset (" + limit + "); baseline "
                        + Evidence.words(baseline) + " " + unit + ".")
                .put("signal", what)
                .number("lowest", s.runs.minOf(run))
                .number("highest", s.runs.maxOf(run))
                .number("baselineMedian", baseline)
                .put("limit", limit)
                .put("sustainedAt", java.time.Instant.ofEpochMilli(s.runs.sustainedAt(run)).toString())
                .put("minutesAfterOnset", Evidence.minutes(start - t0));
        return new Finding(event, start, e.map());
    }
}
