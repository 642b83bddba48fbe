package org.infusionwatch.agent.engine;

import org.infusionwatch.agent.model.EventCode;
import org.infusionwatch.agent.protocol.AlarmMeaning;
import org.infusionwatch.agent.protocol.ArrhythmiaDefinition;
import org.infusionwatch.agent.protocol.ProtocolProfile;

/**
 * LETHAL_ARRHYTHMIA: a new ventricular tachycardia, ventricular fibrillation or asystole inside
 * the window, from the monitor's alarms (IHE PCD-04, standard and vendor codes mapped by the
 * profile's alarm table). "New" = that rhythm's alarm was not active at any time in the baseline
 * window before onset. An ECG lead-off or noise condition at the same moment (within the
 * profile's doubtful-within of the alarm's start, before or after, as far as known when the alert
 * is raised) marks the alert doubtful: 88.8 % of
 * annotated ICU arrhythmia alarms were false (Drew et al., PLoS One 2014), but a real VF with a
 * loose lead must still reach the nurse, so it is never silenced.
 *
 * <p>Owned by the engine thread.
 */
final class LethalArrhythmiaRule extends HeldCondition implements Rule {
    private static final AlarmMeaning[] RHYTHMS = {
        AlarmMeaning.VENTRICULAR_TACHYCARDIA, AlarmMeaning.VENTRICULAR_FIBRILLATION, AlarmMeaning.ASYSTOLE};

    private final ProtocolProfile profile;
    private final ArrhythmiaDefinition definition;
    private AlarmMeaning scan;

    LethalArrhythmiaRule(ProtocolProfile profile) {
        this.profile = profile;
        this.definition = profile.arrhythmia();
    }

    @Override
    public EventCode event() {
        return EventCode.LETHAL_ARRHYTHMIA;
    }

    @Override
    public Finding evaluate(BedState bed, Infusion infusion) {
        long t0 = infusion.onsetMs;
        quietUntilMs = UNTIL_INPUTS_CHANGE;
        long best = NONE;
        AlarmMeaning rhythm = null;
        for (AlarmMeaning m : RHYTHMS) {
            SettingHistory h = bed.alarms.history(m);
            if (h.size() == 0 || bed.alarms.wasActiveIn(m, t0 - profile.baselineMs(), t0)) {
                continue;
            }
            scan = m;
            long since = firstHeldRun(bed, t0, t0 + profile.windowMs(), definition.holdMs());
            if (since != NONE && (best == NONE || since < best)) {
                best = since;
                rhythm = m;
            }
        }
        if (rhythm == null) {
            return null;
        }
        // "At the same moment" either way: a lead that came off just after the rhythm alarm is
        // known when the alert is raised later (a hold, a late delivery-start).
        long from = best - definition.doubtfulWithinMs();
        long to = best + definition.doubtfulWithinMs();
        boolean leadOff = bed.alarms.wasActiveIn(AlarmMeaning.ECG_LEAD_OFF, from, to);
        boolean noise = bed.alarms.wasActiveIn(AlarmMeaning.ECG_NOISE, from, to);
        boolean doubtful = leadOff || noise;
        String why = leadOff && noise ? "ECG lead off and noise" : leadOff ? "ECG lead off" : noise ? "ECG noise" : "";
        double heartRate = bed.heartRate.samples.valueAtOrBefore(best);
        Evidence e = new Evidence()
                .summary("Monitor alarm: " + rhythm.words() + " " + Evidence.minutes(best - t0)
                        + " min after onset, not active in the " + Evidence.minutes(profile.baselineMs())
                        + " min before onset." + (doubtful ? " DOUBTFUL: " + why + " at the same time; check the patient." : ""))
                .put("rhythm", rhythm.words())
                .put("alarmCode", String.valueOf(bed.alarms.lastCode(rhythm)))
                .put("doubtful", doubtful)
                .put("doubtfulBecause", doubtful ? why : "none")
                .put("stillActive", bed.alarms.isActive(rhythm, bed.nowMs))
                .number("lastValidHeartRate", heartRate)
                .put("minutesAfterOnset", Evidence.minutes(best - t0));
        return new Finding(EventCode.LETHAL_ARRHYTHMIA, best, e.map());
    }

    @Override
    public long inputsVersion(BedState bed) {
        return bed.alarms.changes();
    }

    @Override
    boolean holds(BedState bed, long t) {
        return bed.alarms.isActive(scan, t);
    }

    @Override
    long nextChange(BedState bed, long t) {
        return bed.alarms.history(scan).nextTimeAfter(t);
    }
}
