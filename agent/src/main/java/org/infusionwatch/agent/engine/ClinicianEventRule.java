package org.infusionwatch.agent.engine;

import java.util.Locale;
import org.infusionwatch.agent.model.ClinicianEntry;
import org.infusionwatch.agent.model.EventCode;
import org.infusionwatch.agent.protocol.AlarmMeaning;
import org.infusionwatch.agent.protocol.ProtocolProfile;

/**
 * An event a clinician reports, inside its window: ARRHYTHMIA_CARDIOVERSION (a cardioversion,
 * 6 h), TRANSFUSION_REACTION (signs such as urticaria or new bronchospasm, 6 h), CARDIAC_ARREST
 * and DEATH (24 h). The entry is the definition; the device context around it (last valid vital
 * signs, rhythm alarms, vasopressors) is attached as evidence. One instance per event.
 *
 * <p>Owned by the engine thread.
 */
final class ClinicianEventRule implements Rule {
    private static final long CONTEXT_MS = 10 * 60_000L;

    private final EventCode event;
    private final ClinicianEntry.Type entryType;
    private final ProtocolProfile profile;

    ClinicianEventRule(EventCode event, ClinicianEntry.Type entryType, ProtocolProfile profile) {
        this.event = event;
        this.entryType = entryType;
        this.profile = profile;
    }

    @Override
    public EventCode event() {
        return event;
    }

    @Override
    public long inputsVersion(BedState bed) {
        return bed.entries.size();
    }

    @Override
    public long quietUntilMs() {
        return UNTIL_INPUTS_CHANGE;
    }

    @Override
    public Finding evaluate(BedState bed, Infusion infusion) {
        long t0 = infusion.onsetMs;
        if (bed.entries.isEmpty()) {
            return null;
        }
        ClinicianEntry entry = Entries.first(bed, entryType, t0, t0 + profile.windowMs(event));
        if (entry == null) {
            return null;
        }
        long t = entry.timeMs();
        String what = entryType.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        StringBuilder rhythms = new StringBuilder();
        for (AlarmMeaning m : AlarmMeaning.values()) {
            if (m.isLethalArrhythmia() && bed.alarms.wasActiveIn(m, t - CONTEXT_MS, t)) {
                rhythms.append(rhythms.length() > 0 ? ", " : "").append(m.words());
            }
        }
        Evidence e = new Evidence()
                .summary(what + " charted by " + entry.by() + " " + Evidence.minutes(t - t0) + " min after onset"
                        + (entry.note().isEmpty() ? "" : ": " + entry.note()) + ".")
                .put("source", "clinician entry")
                .put("entryId", entry.entryId())
                .put("by", entry.by())
                .put("note", entry.note())
                .put("minutesAfterOnset", Evidence.minutes(t - t0))
                .number("lastValidHeartRate", bed.heartRate.samples.valueAtOrBefore(t))
                .number("lastValidSpo2", bed.spo2.samples.valueAtOrBefore(t))
                .number("lastValidMap", bed.arterialMean.samples.valueAtOrBefore(t))
                .put("rhythmAlarmsInPrevious10Min", rhythms.length() == 0 ? "none" : rhythms.toString())
                .put("vasopressorsRunning", bed.vasopressors.runningAt(t));
        return new Finding(event, t, e.map());
    }
}
