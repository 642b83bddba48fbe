package org.infusionwatch.sims.scenario;

import static org.infusionwatch.sims.scenario.Library.hours;
import static org.infusionwatch.sims.scenario.Library.min;
import static org.infusionwatch.sims.scenario.Library.put;

import java.util.Map;
import java.util.function.Supplier;

import org.infusionwatch.sims.model.DeviceKind;
import org.infusionwatch.sims.model.monitor.MonitorAlarm;

/**
 * Infusion windows: several infusions (D1, D3, D5), pause and resume, a delivery-start that
 * arrives late, a manual onset, a pump that is not the study product; device silence.
 */
final class WindowScenarios {
    private WindowScenarios() {
    }

    private static StartInfusion study() {
        return new StartInfusion(Scenarios.STUDY_INFUSION, Scenarios.STUDY_PRODUCT_LABEL, Scenarios.STUDY_RATE_ML_PER_HOUR);
    }

    private static CompleteInfusion complete() {
        return new CompleteInfusion(Scenarios.STUDY_INFUSION);
    }

    static void register(Map<String, Supplier<Scenario>> l) {
        put(l, "several-infusions-d1-d3-d5", () -> Scenarios.studyInfusion("several-infusions-d1-d3-d5")
                .description("three infusions 48 h apart: hypoxemia in the D3 window, VT in the D5 window, each its own T0")
                .afterOnset(hours(48), study())
                .afterOnset(hours(49), complete())
                .afterOnset(hours(50), AdjustVentilator.to(0.70, 14))
                .afterOnset(hours(53), AdjustVentilator.to(0.40, 8))
                .afterOnset(hours(96), study())
                .afterOnset(hours(97), complete())
                .afterOnset(hours(97), MonitorAlarmChange.raise(MonitorAlarm.VENTRICULAR_TACHYCARDIA))
                .afterOnset(min(97 * 60 + 1), MonitorAlarmChange.end(MonitorAlarm.VENTRICULAR_TACHYCARDIA))
                .expectAfterOnset("HYPOXEMIA_WORSENING", hours(50))
                .expectAfterOnset("LETHAL_ARRHYTHMIA", hours(97))
                .observeUntilAfterOnset(hours(96 + 6.5))
                .build());
        put(l, "pause-and-resume", () -> Scenario.builder("pause-and-resume")
                .description("paused at T0+20 min, resumed at T0+40 min; rise at T0+5 h 30 min: window from the first start")
                .onsetAt(Scenarios.ONSET, study())
                .afterOnset(min(20), complete())
                .afterOnset(min(40), study())
                .afterOnset(min(100), complete())
                .afterOnset(min(330), AdjustVentilator.to(0.70, 14))
                .expectAfterOnset("HYPOXEMIA_WORSENING", min(330))
                .build());
        put(l, "late-onset-message", () -> Scenarios.studyInfusion("late-onset-message")
                .description("the pump's delivery-start arrives 20 min late; rise at T0+10 min against the T0 settings,"
                        + " and a VT at T0+6 h 5 min stays outside the window")
                .at(Scenarios.ONSET, NetworkFault.delay(DeviceKind.PUMP, min(20)))
                .afterOnset(min(10), AdjustVentilator.to(0.70, 14))
                .afterOnset(min(365), MonitorAlarmChange.raise(MonitorAlarm.VENTRICULAR_TACHYCARDIA))
                .afterOnset(min(366), MonitorAlarmChange.end(MonitorAlarm.VENTRICULAR_TACHYCARDIA))
                .expectAfterOnset("HYPOXEMIA_WORSENING", min(10))
                .build());
        put(l, "manual-onset-entry", () -> Scenario.builder("manual-onset-entry")
                .description("no pump message: the nurse charts INFUSION_START; transfusion reaction at T0+45 min")
                .onsetAt(Scenarios.ONSET, new ChartEntry("INFUSION_START", "nurse-17", "study product, pump not connected"))
                .afterOnset(min(45), new ChartEntry("TRANSFUSION_REACTION", "nurse-17", "urticaria"))
                .expectAfterOnset("TRANSFUSION_REACTION", min(45))
                .build());
        put(l, "non-study-pump", () -> Scenario.builder("non-study-pump")
                .description("an antibiotic pump starts at T0, then FiO2 and PEEP rise: no study window, nothing")
                .onsetAt(Scenarios.ONSET, new StartInfusion("antibiotic", "Ceftriaxone 2 g/50 mL", 100))
                .afterOnset(hours(2), AdjustVentilator.to(0.70, 14))
                .afterOnset(hours(2), new ChartEntry("CARDIOVERSION", "dr-04", "not in a study window"))
                .build());
        put(l, "device-silence", () -> Scenarios.studyInfusion("device-silence")
                .description("the monitor goes silent for 5 min after its report at T0+2 h: SIGNAL_LOSS (technical)")
                .afterOnset(min(120.25), NetworkFault.silence(DeviceKind.MONITOR, min(5)))
                .expectAfterOnset("SIGNAL_LOSS", hours(2))
                .build());
        put(l, "short-silence", () -> Scenarios.studyInfusion("short-silence")
                .description("one monitor report lost (a 60 s gap, not more): nothing")
                .afterOnset(min(120.25), NetworkFault.silence(DeviceKind.MONITOR, Library.min(0.5)))
                .build());
        put(l, "silence-after-window", () -> Scenarios.studyInfusion("silence-after-window")
                .description("the monitor silent for 5 min at T0+7 h, after the window: nothing")
                .afterOnset(min(420.25), NetworkFault.silence(DeviceKind.MONITOR, min(5)))
                .build());
    }
}
