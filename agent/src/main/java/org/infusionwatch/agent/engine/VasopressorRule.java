package org.infusionwatch.agent.engine;

import java.util.Locale;
import org.infusionwatch.agent.model.EventCode;
import org.infusionwatch.agent.protocol.ProtocolProfile;
import org.infusionwatch.agent.protocol.VasopressorDefinition;
import org.infusionwatch.agent.protocol.VasopressorDrug;

/**
 * VASOPRESSOR_ESCALATION: a vasopressor's dose (summed over its pumps) was under its threshold at
 * the infusion's onset and reaches it inside the window (START/LANZONI tables: norepinephrine
 * 10 ug/min, phenylephrine 100 ug/min, dopamine 10 ug/kg/min, epinephrine 0.1 ug/kg/min or
 * 10 ug/min), or a third vasopressor is added (vasopressin counts); either must hold for the hold
 * time (10 min). A patient already at or over a threshold at onset is not "raised to" it.
 *
 * <p>Evaluated in event time over the dose histories; owned by the engine thread.
 */
final class VasopressorRule extends HeldCondition implements Rule {
    private static final double THIRD = 3;

    private final ProtocolProfile profile;
    private final VasopressorDefinition definition;
    /** Scratch: the drug being scanned, or -1 for the count of agents. */
    private int scanDrug;

    VasopressorRule(ProtocolProfile profile) {
        this.profile = profile;
        this.definition = profile.vasopressors();
    }

    @Override
    public EventCode event() {
        return EventCode.VASOPRESSOR_ESCALATION;
    }

    @Override
    public Finding evaluate(BedState bed, Infusion infusion) {
        long t0 = infusion.onsetMs;
        long latest = t0 + profile.windowMs();
        long hold = definition.holdMs();
        quietUntilMs = UNTIL_INPUTS_CHANGE;
        long best = NONE;
        int bestDrug = -1;
        VasopressorState v = bed.vasopressors;
        for (int d = 0; d < v.dose.length; d++) {
            VasopressorDrug drug = definition.drugs().get(d);
            if (!drug.hasThreshold() || v.dose[d].size() == 0
                    || definition.comparison().test(v.dose[d].valueAt(t0), drug.threshold())) {
                continue;
            }
            scanDrug = d;
            long since = firstHeldRun(bed, t0, latest, hold);
            if (since != NONE && (best == NONE || since < best)) {
                best = since;
                bestDrug = d;
            }
        }
        if (definition.thirdAgent() && v.activeAgents.size() > 0 && !(v.activeAgents.valueAt(t0) >= THIRD)) {
            scanDrug = -1;
            long since = firstHeldRun(bed, t0, latest, hold);
            if (since != NONE && (best == NONE || since < best)) {
                best = since;
                bestDrug = -1;
            }
        }
        if (best == NONE) {
            return null;
        }
        return bestDrug >= 0 ? doseFinding(bed, t0, best, bestDrug) : thirdAgentFinding(bed, t0, best);
    }

    private Finding doseFinding(BedState bed, long t0, long since, int d) {
        VasopressorDrug drug = definition.drugs().get(d);
        VasopressorState v = bed.vasopressors;
        double atOnset = zeroIfUnknown(v.dose[d].valueAt(t0));
        double reached = v.dose[d].valueAt(since);
        String unit = drug.unit().text();
        String name = drug.name().toLowerCase(Locale.ROOT);
        String label = v.labelOf(d);
        Evidence e = new Evidence()
                .summary(name + " (pump label '" + label + "') reached " + Evidence.words(reached) + " " + unit
                        + " " + Evidence.minutes(since - t0) + " min after onset and held "
                        + Evidence.minutes(bed.nowMs - since) + " min (threshold " + definition.comparison().symbol()
                        + " " + Evidence.words(drug.threshold()) + " " + unit + "); " + Evidence.words(atOnset) + " "
                        + unit + " at onset.")
                .put("drug", drug.name())
                .put("pumpLabel", label)
                .put("doseAtOnset", Evidence.round(atOnset))
                .put("dose", Evidence.round(reached))
                .put("doseNow", Evidence.round(v.dose[d].valueAt(bed.nowMs)))
                .put("unit", unit)
                .put("threshold", definition.comparison().symbol() + " " + Evidence.words(drug.threshold()) + " " + unit)
                .put("minutesAfterOnset", Evidence.minutes(since - t0))
                .put("heldMinutes", Evidence.minutes(bed.nowMs - since))
                .put("vasopressorsRunning", v.runningAt(bed.nowMs));
        if (drug.unit() == org.infusionwatch.agent.protocol.DoseUnit.UG_PER_KG_PER_MIN) {
            e.number("weightKg", v.weightFor(d));
        }
        return new Finding(EventCode.VASOPRESSOR_ESCALATION, since, e.map());
    }

    private Finding thirdAgentFinding(BedState bed, long t0, long since) {
        VasopressorState v = bed.vasopressors;
        String running = v.runningAt(since);
        Evidence e = new Evidence()
                .summary("A third vasopressor was added " + Evidence.minutes(since - t0) + " min after onset and kept "
                        + Evidence.minutes(bed.nowMs - since) + " min: " + running + " (" + (long) zeroIfUnknown(
                        v.activeAgents.valueAt(t0)) + " running at onset).")
                .put("rule", "third vasopressor")
                .put("vasopressorsRunning", running)
                .put("agentsAtOnset", (long) zeroIfUnknown(v.activeAgents.valueAt(t0)))
                .put("agents", (long) v.activeAgents.valueAt(since))
                .put("minutesAfterOnset", Evidence.minutes(since - t0))
                .put("heldMinutes", Evidence.minutes(bed.nowMs - since));
        return new Finding(EventCode.VASOPRESSOR_ESCALATION, since, e.map());
    }

    @Override
    public long inputsVersion(BedState bed) {
        return bed.vasopressors.changes();
    }

    @Override
    boolean holds(BedState bed, long t) {
        VasopressorState v = bed.vasopressors;
        if (scanDrug < 0) {
            return v.activeAgents.valueAt(t) >= THIRD;
        }
        return definition.comparison().test(v.dose[scanDrug].valueAt(t), definition.drugs().get(scanDrug).threshold());
    }

    @Override
    long nextChange(BedState bed, long t) {
        VasopressorState v = bed.vasopressors;
        return scanDrug < 0 ? v.activeAgents.nextTimeAfter(t) : v.dose[scanDrug].nextTimeAfter(t);
    }

    private static double zeroIfUnknown(double value) {
        return Double.isNaN(value) ? 0 : value;
    }
}
