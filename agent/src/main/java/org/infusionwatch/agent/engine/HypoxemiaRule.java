package org.infusionwatch.agent.engine;

import org.infusionwatch.agent.model.EventCode;
import org.infusionwatch.agent.protocol.HypoxemiaDefinition;
import org.infusionwatch.agent.protocol.ProtocolProfile;
import org.infusionwatch.agent.protocol.VentMode;

/**
 * HYPOXEMIA_WORSENING: set FiO2 and set PEEP raised against the settings in effect at the
 * infusion's onset (START: FiO2 +0.20 AND PEEP +5 cmH2O; LANZONI: PEEP +5 OR FiO2 more than
 * +0.20), the rise beginning inside the window and holding for the profile's hold time. FiO2 rise
 * absolute or relative and each comparison (>= or >) come from the protocol file.
 *
 * <p>The definitions are about patients on ventilation: a patient on high-flow oxygen at onset is
 * left to INTUBATION_AFTER_HIGH_FLOW, so the PEEP of a new tube is not read as a PEEP rise.
 *
 * <p>Evaluated in event time over the bed's setting histories (see {@link HeldCondition}), so a
 * late message or a late delivery-start gives the same answer as if everything had arrived in
 * order. Owned by the engine thread.
 */
final class HypoxemiaRule extends HeldCondition implements Rule {
    private final ProtocolProfile profile;
    private final HypoxemiaDefinition definition;
    private double fio2Base;
    private double peepBase;

    HypoxemiaRule(ProtocolProfile profile) {
        this.profile = profile;
        this.definition = profile.hypoxemia();
    }

    @Override
    public EventCode event() {
        return EventCode.HYPOXEMIA_WORSENING;
    }

    @Override
    public Finding evaluate(BedState bed, Infusion infusion) {
        long t0 = infusion.onsetMs;
        quietUntilMs = UNTIL_INPUTS_CHANGE;
        if (VentMode.ofLevel(bed.ventMode.valueAtOrSoonAfter(t0, profile.settingGraceMs())) == VentMode.HIGH_FLOW) {
            return null;
        }
        fio2Base = bed.setFio2.valueAtOrSoonAfter(t0, profile.settingGraceMs());
        peepBase = bed.setPeep.valueAtOrSoonAfter(t0, profile.settingGraceMs());
        if (Double.isNaN(fio2Base) && Double.isNaN(peepBase)) {
            return null;
        }
        long since = firstHeldRun(bed, t0, t0 + profile.windowMs(), definition.holdMs());
        if (since == NONE) {
            return null;
        }
        double fio2 = bed.setFio2.valueAt(bed.nowMs);
        double peep = bed.setPeep.valueAt(bed.nowMs);
        String rule = definition.needsBoth() ? "FiO2 AND PEEP" : "FiO2 OR PEEP";
        Evidence e = new Evidence()
                .summary("Ventilator settings raised " + Evidence.minutes(since - t0) + " min after onset: FiO2 "
                        + Evidence.words(fio2Base) + " -> " + Evidence.words(fio2) + ", PEEP " + Evidence.words(peepBase)
                        + " -> " + Evidence.words(peep) + " cmH2O, held " + Evidence.minutes(bed.nowMs - since)
                        + " min (" + rule + ": FiO2 " + definition.fio2Comparison().symbol() + " +"
                        + Evidence.words(definition.fio2Rise()) + (definition.fio2Relative() ? " relative" : "")
                        + ", PEEP " + definition.peepComparison().symbol() + " +"
                        + Evidence.words(definition.peepRiseCmH2O()) + " cmH2O).")
                .put("fio2Baseline", Evidence.round(fio2Base))
                .put("fio2", Evidence.round(fio2))
                .put("peepBaseline", Evidence.round(peepBase))
                .put("peep", Evidence.round(peep))
                .put("minutesAfterOnset", Evidence.minutes(since - t0))
                .put("heldMinutes", Evidence.minutes(bed.nowMs - since))
                .put("rule", rule);
        return new Finding(EventCode.HYPOXEMIA_WORSENING, since, e.map());
    }

    @Override
    public long inputsVersion(BedState bed) {
        return bed.ventilationChanges;
    }

    @Override
    boolean holds(BedState bed, long t) {
        double fio2 = bed.setFio2.valueAt(t);
        double rise = definition.fio2Relative() ? (fio2 - fio2Base) / fio2Base : fio2 - fio2Base;
        boolean fio2Up = definition.fio2Comparison().test(rise, definition.fio2Rise());
        boolean peepUp = definition.peepComparison().test(bed.setPeep.valueAt(t) - peepBase, definition.peepRiseCmH2O());
        return definition.needsBoth() ? fio2Up && peepUp : fio2Up || peepUp;
    }

    @Override
    long nextChange(BedState bed, long t) {
        return Math.min(bed.setFio2.nextTimeAfter(t), bed.setPeep.nextTimeAfter(t));
    }
}
