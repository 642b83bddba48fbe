package org.infusionwatch.sims.scenario;

import static org.infusionwatch.sims.scenario.Library.hours;
import static org.infusionwatch.sims.scenario.Library.min;
import static org.infusionwatch.sims.scenario.Library.put;

import java.util.Map;
import java.util.function.Supplier;

import org.infusionwatch.sims.model.monitor.MonitorAlarm;
import org.infusionwatch.sims.model.monitor.MonitorArtefact;

/** LETHAL_ARRHYTHMIA scenarios: monitor alarms (IHE PCD-04) with start and end phases. */
final class ArrhythmiaScenarios {
    private static final String EVENT = "LETHAL_ARRHYTHMIA";

    private ArrhythmiaScenarios() {
    }

    private static Scenario.Builder alarm(Scenario.Builder b, MonitorAlarm alarm, double fromOnsetMin, double seconds) {
        return b.afterOnset(min(fromOnsetMin), MonitorAlarmChange.raise(alarm))
                .afterOnset(min(fromOnsetMin + seconds / 60), MonitorAlarmChange.end(alarm));
    }

    static void register(Map<String, Supplier<Scenario>> l) {
        put(l, "lethal-arrhythmia-vt", () -> alarm(Scenarios.studyInfusion("lethal-arrhythmia-vt")
                .description("ventricular tachycardia alarm at T0+62 min for 40 s"), MonitorAlarm.VENTRICULAR_TACHYCARDIA, 62, 40)
                .expectAfterOnset(EVENT, min(62))
                .build());
        put(l, "lethal-arrhythmia-vf-vendor-code", () -> alarm(Scenarios.studyInfusion("lethal-arrhythmia-vf-vendor-code")
                .description("ventricular fibrillation sent with the Philips private code at T0+200 min"),
                MonitorAlarm.VENTRICULAR_FIBRILLATION, 200, 90)
                .expectAfterOnset(EVENT, min(200))
                .build());
        put(l, "lethal-arrhythmia-asystole", () -> alarm(Scenarios.studyInfusion("lethal-arrhythmia-asystole")
                .description("asystole alarm at T0+5 h"), MonitorAlarm.ASYSTOLE, 300, 20)
                .expectAfterOnset(EVENT, hours(5))
                .build());
        put(l, "arrhythmia-not-new", () -> {
            Scenario.Builder b = Scenarios.studyInfusion("arrhythmia-not-new")
                    .description("VT alarms 30 min before onset and again at T0+62 min: not new, nothing")
                    .at(min(30), MonitorAlarmChange.raise(MonitorAlarm.VENTRICULAR_TACHYCARDIA))
                    .at(min(31), MonitorAlarmChange.end(MonitorAlarm.VENTRICULAR_TACHYCARDIA));
            return alarm(b, MonitorAlarm.VENTRICULAR_TACHYCARDIA, 62, 30).build();
        });
        put(l, "arrhythmia-before-onset", () -> Scenarios.studyInfusion("arrhythmia-before-onset")
                .description("VT alarm 20 min before onset only: nothing")
                .at(min(40), MonitorAlarmChange.raise(MonitorAlarm.VENTRICULAR_TACHYCARDIA))
                .at(min(41), MonitorAlarmChange.end(MonitorAlarm.VENTRICULAR_TACHYCARDIA))
                .build());
        put(l, "arrhythmia-after-window", () -> alarm(Scenarios.studyInfusion("arrhythmia-after-window")
                .description("VT alarm at T0+6 h 10 min: nothing"), MonitorAlarm.VENTRICULAR_TACHYCARDIA, 370, 30)
                .build());
        put(l, "arrhythmia-lead-off-doubtful", () -> alarm(Scenarios.studyInfusion("arrhythmia-lead-off-doubtful")
                .description("leads come off at T0+62 min and a VT alarm at the same moment: raised, marked doubtful")
                .afterOnset(min(62), ArtefactChange.start(MonitorArtefact.ECG_LEAD_OFF))
                .afterOnset(min(64), ArtefactChange.stop(MonitorArtefact.ECG_LEAD_OFF)),
                MonitorAlarm.VENTRICULAR_TACHYCARDIA, 62, 20)
                .expectAfterOnset(EVENT, min(62))
                .build());
        put(l, "ecg-artefact-storm", () -> {
            Scenario.Builder b = Scenarios.studyInfusion("ecg-artefact-storm")
                    .description("leads off and noise again and again for 2 h (heart rate 0 and 320): nothing");
            for (int k = 0; k < 6; k++) {
                b.afterOnset(min(30 + 20 * k), ArtefactChange.start(MonitorArtefact.ECG_LEAD_OFF))
                        .afterOnset(min(35 + 20 * k), ArtefactChange.stop(MonitorArtefact.ECG_LEAD_OFF))
                        .afterOnset(min(40 + 20 * k), ArtefactChange.start(MonitorArtefact.ECG_NOISE))
                        .afterOnset(min(43 + 20 * k), ArtefactChange.stop(MonitorArtefact.ECG_NOISE));
            }
            return b.build();
        });
    }
}
