package org.infusionwatch.sims.scenario;

import static org.infusionwatch.sims.scenario.Library.LANZONI;
import static org.infusionwatch.sims.scenario.Library.STROMA;
import static org.infusionwatch.sims.scenario.Library.hours;
import static org.infusionwatch.sims.scenario.Library.min;
import static org.infusionwatch.sims.scenario.Library.put;

import java.util.Map;
import java.util.function.Supplier;

import org.infusionwatch.sims.model.monitor.Vitals;
import org.infusionwatch.sims.model.vent.VentSettings;

/**
 * Respiratory scenarios: HYPOXEMIA_WORSENING under the AND (START, STROMA) and OR (LANZONI)
 * definitions, near misses, holds, windows; INTUBATION_AFTER_HIGH_FLOW (STROMA, LANZONI).
 */
final class RespiratoryScenarios {
    private static final String HYPOXEMIA = "HYPOXEMIA_WORSENING";
    private static final String INTUBATION = "INTUBATION_AFTER_HIGH_FLOW";
    private static final Vitals VITALS = new Vitals(94, 90, 75);
    static final BedBaseline HIGH_FLOW = new BedBaseline(
            new VentSettings(0.60, 0, ChangeVentMode.HIGH_FLOW), 26, VITALS, 80);
    static final BedBaseline NON_INVASIVE = new BedBaseline(
            new VentSettings(0.50, 8, ChangeVentMode.NON_INVASIVE), 24, VITALS, 80);

    private RespiratoryScenarios() {
    }

    static void register(Map<String, Supplier<Scenario>> l) {
        put(l, "hypoxemia-fio2-only", () -> Scenarios.studyInfusion("hypoxemia-fio2-only")
                .description("FiO2 0.40→0.65 alone at T0+90 min: LANZONI (OR) only")
                .afterOnset(min(90), AdjustVentilator.fio2(0.65))
                .expectAfterOnset(HYPOXEMIA, min(90), LANZONI)
                .build());
        put(l, "hypoxemia-peep-only", () -> Scenarios.studyInfusion("hypoxemia-peep-only")
                .description("PEEP 8→13 alone at T0+90 min: LANZONI (OR) only")
                .afterOnset(min(90), AdjustVentilator.peep(13))
                .expectAfterOnset(HYPOXEMIA, min(90), LANZONI)
                .build());
        put(l, "near-miss-hypoxemia-lanzoni", () -> Scenarios.studyInfusion("near-miss-hypoxemia-lanzoni")
                .description("FiO2 exactly +0.20 (LANZONI needs more than 20 %) and PEEP +4: nothing")
                .afterOnset(min(100), AdjustVentilator.to(0.60, 12))
                .build());
        put(l, "near-miss-hypoxemia-short-hold", () -> Scenarios.studyInfusion("near-miss-hypoxemia-short-hold")
                .description("FiO2 0.70 and PEEP 14 for 14 min only, under the 15 min hold: nothing")
                .afterOnset(hours(2), AdjustVentilator.to(0.70, 14))
                .afterOnset(min(134), AdjustVentilator.to(0.40, 8))
                .build());
        put(l, "hypoxemia-late-in-window", () -> Scenarios.studyInfusion("hypoxemia-late-in-window")
                .description("rise at T0+5 h 55 min: begins in the window, the hold ends after it")
                .afterOnset(min(355), AdjustVentilator.to(0.70, 14))
                .expectAfterOnset(HYPOXEMIA, min(355))
                .build());
        put(l, "hypoxemia-after-window", () -> Scenarios.studyInfusion("hypoxemia-after-window")
                .description("rise at T0+6 h 5 min, after the window: nothing")
                .afterOnset(min(365), AdjustVentilator.to(0.70, 14))
                .build());
        put(l, "hypoxemia-before-onset", () -> Scenarios.studyInfusion("hypoxemia-before-onset")
                .description("rise 30 min before onset, kept: the settings at T0 are the baseline, nothing")
                .at(min(30), AdjustVentilator.to(0.70, 14))
                .build());
        put(l, "intubation-after-high-flow", () -> Scenarios.studyInfusion("intubation-after-high-flow")
                .description("high-flow oxygen at T0, intubated at T0+3 h (invasive mode, PEEP 8): STROMA, LANZONI")
                .baseline(HIGH_FLOW)
                .afterOnset(hours(3), new ChangeVentMode(ChangeVentMode.SIMV))
                .afterOnset(hours(3), AdjustVentilator.to(0.60, 8))
                .expectAfterOnset(INTUBATION, hours(3), STROMA, LANZONI)
                .build());
        put(l, "intubation-after-niv", () -> Scenarios.studyInfusion("intubation-after-niv")
                .description("NIV at T0, invasive mode from T0+2 h: STROMA, LANZONI")
                .baseline(NON_INVASIVE)
                .afterOnset(hours(2), new ChangeVentMode(ChangeVentMode.ASSIST))
                .expectAfterOnset(INTUBATION, hours(2), STROMA, LANZONI)
                .build());
        put(l, "near-miss-intubation-mode-blip", () -> Scenarios.studyInfusion("near-miss-intubation-mode-blip")
                .description("invasive mode set by mistake for 2 min on high flow, under the 5 min hold: nothing")
                .baseline(HIGH_FLOW)
                .afterOnset(min(100), new ChangeVentMode(ChangeVentMode.SIMV))
                .afterOnset(min(102), new ChangeVentMode(ChangeVentMode.HIGH_FLOW))
                .build());
        put(l, "intubation-charted", () -> Scenarios.studyInfusion("intubation-charted")
                .description("on high flow, the nurse charts the intubation at T0+150 min before the ventilator says so")
                .baseline(HIGH_FLOW)
                .afterOnset(min(150), new ChartEntry("INTUBATION", "nurse-17", "worsening hypoxaemia on high flow"))
                .afterOnset(min(155), new ChangeVentMode(ChangeVentMode.SIMV))
                .expectAfterOnset(INTUBATION, min(150), STROMA, LANZONI)
                .build());
    }
}
