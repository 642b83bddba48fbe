package org.infusionwatch.agent.engine;

import org.infusionwatch.agent.model.ClinicianEntry;
import org.infusionwatch.agent.model.EventCode;
import org.infusionwatch.agent.protocol.ProtocolProfile;
import org.infusionwatch.agent.protocol.VentMode;

/**
 * INTUBATION_AFTER_HIGH_FLOW (LANZONI; in STROMA by inference): the patient was on high-flow
 * oxygen or non-invasive ventilation at onset (mode in effect at T0) and an invasive mode begins
 * inside the window and holds for the hold time, so a mode set by mistake for a minute does not
 * count; or a clinician charts an INTUBATION inside the window while the mode at onset was not
 * invasive (a high-flow device often reports nothing).
 *
 * <p>Owned by the engine thread.
 */
final class IntubationRule extends HeldCondition implements Rule {
    private static final double INVASIVE = VentMode.INVASIVE.level();

    private final ProtocolProfile profile;

    IntubationRule(ProtocolProfile profile) {
        this.profile = profile;
    }

    @Override
    public EventCode event() {
        return EventCode.INTUBATION_AFTER_HIGH_FLOW;
    }

    @Override
    public Finding evaluate(BedState bed, Infusion infusion) {
        long t0 = infusion.onsetMs;
        long latest = t0 + profile.windowMs();
        quietUntilMs = UNTIL_INPUTS_CHANGE;
        VentMode atOnset = VentMode.ofLevel(bed.ventMode.valueAtOrSoonAfter(t0, profile.settingGraceMs()));
        long since = NONE;
        if (atOnset == VentMode.HIGH_FLOW || atOnset == VentMode.NON_INVASIVE) {
            since = firstHeldRun(bed, t0, latest, profile.intubationHoldMs());
        }
        ClinicianEntry charted = null;
        if (atOnset != VentMode.INVASIVE) {
            charted = Entries.first(bed, ClinicianEntry.Type.INTUBATION, t0, latest);
            if (charted != null && since != NONE && since <= charted.timeMs()) {
                charted = null;
            }
        }
        if (since == NONE && charted == null) {
            return null;
        }
        long onset = charted != null ? charted.timeMs() : since;
        String before = atOnset == VentMode.UNKNOWN ? "unknown" : atOnset.name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', ' ');
        Evidence e = new Evidence();
        if (charted != null) {
            e.summary("Intubation charted by " + charted.by() + " " + Evidence.minutes(onset - t0)
                    + " min after onset; respiratory support at onset: " + before + ".")
                    .put("source", "clinician entry")
                    .put("by", charted.by())
                    .put("note", charted.note());
        } else {
            e.summary("Ventilation changed from " + before + " to an invasive mode (" + bed.lastModeLabel + ") "
                    + Evidence.minutes(onset - t0) + " min after onset, held " + Evidence.minutes(bed.nowMs - onset)
                    + " min.")
                    .put("source", "ventilator mode")
                    .put("heldMinutes", Evidence.minutes(bed.nowMs - onset));
        }
        e.put("modeAtOnset", before)
                .put("modeNow", bed.lastModeLabel)
                .put("minutesAfterOnset", Evidence.minutes(onset - t0));
        return new Finding(EventCode.INTUBATION_AFTER_HIGH_FLOW, onset, e.map());
    }

    @Override
    public long inputsVersion(BedState bed) {
        return (long) bed.ventilationChanges + bed.entries.size();
    }

    @Override
    boolean holds(BedState bed, long t) {
        return bed.ventMode.valueAt(t) == INVASIVE;
    }

    @Override
    long nextChange(BedState bed, long t) {
        return bed.ventMode.nextTimeAfter(t);
    }
}
