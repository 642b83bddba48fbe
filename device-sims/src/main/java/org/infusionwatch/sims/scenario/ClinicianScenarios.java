package org.infusionwatch.sims.scenario;

import static org.infusionwatch.sims.scenario.Library.hours;
import static org.infusionwatch.sims.scenario.Library.min;
import static org.infusionwatch.sims.scenario.Library.put;

import java.util.Map;
import java.util.function.Supplier;

/** Events a clinician charts (MQTT entries): cardioversion, transfusion reaction, arrest, death. */
final class ClinicianScenarios {
    private ClinicianScenarios() {
    }

    static void register(Map<String, Supplier<Scenario>> l) {
        put(l, "cardioversion", () -> Scenarios.studyInfusion("cardioversion")
                .description("a cardioversion charted at T0+2 h")
                .afterOnset(hours(2), new ChartEntry("CARDIOVERSION", "dr-04", "synchronised 150 J, new AF with rapid response"))
                .expectAfterOnset("ARRHYTHMIA_CARDIOVERSION", hours(2))
                .build());
        put(l, "transfusion-reaction", () -> Scenarios.studyInfusion("transfusion-reaction")
                .description("urticaria and new bronchospasm charted at T0+30 min")
                .afterOnset(min(30), new ChartEntry("TRANSFUSION_REACTION", "nurse-17", "urticaria, new bronchospasm"))
                .expectAfterOnset("TRANSFUSION_REACTION", min(30))
                .build());
        put(l, "cardiac-arrest-within-24h", () -> Scenarios.studyInfusion("cardiac-arrest-within-24h")
                .description("cardiac arrest charted at T0+20 h (24 h window)")
                .afterOnset(hours(20), new ChartEntry("CARDIAC_ARREST", "dr-04", "PEA, ROSC after 6 min"))
                .expectAfterOnset("CARDIAC_ARREST", hours(20))
                .build());
        put(l, "death-within-24h", () -> Scenarios.studyInfusion("death-within-24h")
                .description("death charted at T0+23 h (24 h window)")
                .afterOnset(hours(23), new ChartEntry("DEATH", "dr-04", ""))
                .expectAfterOnset("DEATH", hours(23))
                .build());
        put(l, "cardiac-arrest-after-24h", () -> Scenarios.studyInfusion("cardiac-arrest-after-24h")
                .description("cardiac arrest charted at T0+25 h, after the 24 h window: nothing")
                .afterOnset(hours(25), new ChartEntry("CARDIAC_ARREST", "dr-04", ""))
                .build());
        put(l, "cardioversion-after-window", () -> Scenarios.studyInfusion("cardioversion-after-window")
                .description("a cardioversion charted at T0+7 h, after the 6 h window: nothing")
                .afterOnset(hours(7), new ChartEntry("CARDIOVERSION", "dr-04", ""))
                .build());
    }
}
