package org.infusionwatch.sims.scenario;

import static org.infusionwatch.sims.scenario.Library.min;
import static org.infusionwatch.sims.scenario.Library.put;

import java.util.Map;
import java.util.function.Supplier;

/** Early warnings (never protocol events) and their near misses. */
final class WarningScenarios {
    private WarningScenarios() {
    }

    private static Scenario vitals(String name, String description, ChangeVitals change, ChangeVitals back,
                                   double atMin, double forMin, String expected) {
        Scenario.Builder b = Scenarios.studyInfusion(name).description(description)
                .afterOnset(min(atMin), change)
                .afterOnset(min(atMin + forMin), back);
        if (expected != null) {
            b.expectAfterOnset(expected, min(atMin));
        }
        return b.build();
    }

    static void register(Map<String, Supplier<Scenario>> l) {
        put(l, "early-warning-desaturation", () -> vitals("early-warning-desaturation",
                "SpO2 84 % for 5 min at T0+60 min: early warning, not a protocol event",
                ChangeVitals.spo2(84), ChangeVitals.spo2(94), 60, 5, "EARLY_WARNING_DESATURATION"));
        put(l, "near-miss-desaturation-short", () -> vitals("near-miss-desaturation-short",
                "SpO2 84 % for 1.5 min, under the 2 min hold: nothing",
                ChangeVitals.spo2(84), ChangeVitals.spo2(94), 60, 1.5, null));
        put(l, "near-miss-desaturation-89", () -> vitals("near-miss-desaturation-89",
                "SpO2 89 % (88-90) for 10 min, never under 88: nothing",
                ChangeVitals.spo2(89), ChangeVitals.spo2(94), 60, 10, null));
        put(l, "early-warning-hypotension", () -> vitals("early-warning-hypotension",
                "MAP 58 mmHg for 10 min at T0+90 min: early warning",
                ChangeVitals.meanArterial(58), ChangeVitals.meanArterial(75), 90, 10, "EARLY_WARNING_HYPOTENSION"));
        put(l, "near-miss-hypotension", () -> vitals("near-miss-hypotension",
                "MAP 67 mmHg (65-69) for 20 min: nothing",
                ChangeVitals.meanArterial(67), ChangeVitals.meanArterial(75), 90, 20, null));
        put(l, "early-warning-tachycardia", () -> vitals("early-warning-tachycardia",
                "heart rate 145 /min for 5 min at T0+2 h: early warning",
                ChangeVitals.heartRate(145), ChangeVitals.heartRate(90), 120, 5, "EARLY_WARNING_HEART_RATE"));
        put(l, "early-warning-bradycardia", () -> vitals("early-warning-bradycardia",
                "heart rate 35 /min for 4 min at T0+3 h: early warning",
                ChangeVitals.heartRate(35), ChangeVitals.heartRate(90), 180, 4, "EARLY_WARNING_HEART_RATE"));
        put(l, "near-miss-tachycardia", () -> vitals("near-miss-tachycardia",
                "heart rate 126 /min (123-129) for 20 min: nothing",
                ChangeVitals.heartRate(126), ChangeVitals.heartRate(90), 120, 20, null));
    }
}
