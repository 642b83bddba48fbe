package org.infusionwatch.sims.scenario;

import static org.infusionwatch.sims.scenario.Library.LANZONI;
import static org.infusionwatch.sims.scenario.Library.NORAD;
import static org.infusionwatch.sims.scenario.Library.NORAD_MG_PER_ML;
import static org.infusionwatch.sims.scenario.Library.START;
import static org.infusionwatch.sims.scenario.Library.STROMA;
import static org.infusionwatch.sims.scenario.Library.hours;
import static org.infusionwatch.sims.scenario.Library.min;
import static org.infusionwatch.sims.scenario.Library.noradRate;
import static org.infusionwatch.sims.scenario.Library.put;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import org.infusionwatch.sims.model.monitor.Vitals;
import org.infusionwatch.sims.model.vent.VentSettings;

/**
 * VASOPRESSOR_ESCALATION scenarios: syringe pumps reporting drug label, concentration and rate
 * (IHE PCD-01), thresholds per drug and profile, the third agent, boluses and priming, holds.
 */
final class VasopressorScenarios {
    private static final String EVENT = "VASOPRESSOR_ESCALATION";

    private VasopressorScenarios() {
    }

    /** A study infusion with noradrenaline at 4 ug/min from the scenario start (pump 1). */
    private static Scenario.Builder onNoradrenaline(String name) {
        return Scenarios.studyInfusion(name).at(Duration.ZERO, new StartVasopressor(1, NORAD, NORAD_MG_PER_ML, noradRate(4)));
    }

    static void register(Map<String, Supplier<Scenario>> l) {
        put(l, "vasopressor-noradrenaline", () -> onNoradrenaline("vasopressor-noradrenaline")
                .description("noradrenaline 4→12 ug/min at T0+90 min")
                .afterOnset(min(90), new SetVasopressorRate(1, noradRate(12)))
                .expectAfterOnset(EVENT, min(90))
                .build());
        put(l, "near-miss-vasopressor", () -> onNoradrenaline("near-miss-vasopressor")
                .description("noradrenaline 4→9.6 ug/min, under 10: nothing")
                .afterOnset(min(90), new SetVasopressorRate(1, noradRate(9.6)))
                .build());
        put(l, "near-miss-vasopressor-short-titration", () -> onNoradrenaline("near-miss-vasopressor-short-titration")
                .description("noradrenaline 12 ug/min for 8 min, under the 10 min hold: nothing")
                .afterOnset(min(90), new SetVasopressorRate(1, noradRate(12)))
                .afterOnset(min(98), new SetVasopressorRate(1, noradRate(6)))
                .build());
        put(l, "vasopressor-bolus-and-priming", () -> onNoradrenaline("vasopressor-bolus-and-priming")
                .description("a 1 min bolus at 300 mL/h and a 2 min priming of a second pump: not doses, nothing")
                .afterOnset(min(60), VasopressorMode.bolus(1, 300))
                .afterOnset(min(61), VasopressorMode.continuous(1, noradRate(4)))
                .afterOnset(min(100), new StartVasopressor(2, NORAD, NORAD_MG_PER_ML, 0.1))
                .afterOnset(min(100), VasopressorMode.priming(2, 900))
                .afterOnset(min(102), VasopressorMode.continuous(2, noradRate(2)))
                .build());
        put(l, "vasopressor-third-agent", () -> onNoradrenaline("vasopressor-third-agent")
                .description("noradrenaline and vasopressin running; phenylephrine 20 ug/min added at T0+2 h (third agent)")
                .at(min(5), new StartVasopressor(2, "Vasopressin 20 U/20 mL", Double.NaN, 2.4))
                .afterOnset(hours(2), new StartVasopressor(3, "Phenylephrine 50 mg/50 mL", 1, 1.2))
                .expectAfterOnset(EVENT, hours(2))
                .build());
        put(l, "vasopressor-epinephrine-per-kg", () -> Scenarios.studyInfusion("vasopressor-epinephrine-per-kg")
                .description("adrenaline 9 ug/min = 0.1125 ug/kg/min at 80 kg: START/STROMA (0.1 ug/kg/min), not LANZONI (10 ug/min)")
                .afterOnset(min(45), new StartVasopressor(1, "Adrenaline 5 mg/50 mL", 0.1, 5.4))
                .expectAfterOnset(EVENT, min(45), START, STROMA)
                .build());
        put(l, "vasopressor-epinephrine-lanzoni", () -> Scenarios.studyInfusion("vasopressor-epinephrine-lanzoni")
                .description("adrenaline 10.8 ug/min = 0.09 ug/kg/min at 120 kg: LANZONI only")
                .baseline(new BedBaseline(new VentSettings(0.40, 8, ChangeVentMode.ASSIST), 22, new Vitals(94, 90, 75), 120))
                .afterOnset(min(45), new StartVasopressor(1, "EPINEPHRINE 5 mg/50 mL", 0.1, 6.48))
                .expectAfterOnset(EVENT, min(45), LANZONI)
                .build());
        put(l, "vasopressor-dopamine", () -> Scenarios.studyInfusion("vasopressor-dopamine")
                .description("dopamine 11 ug/kg/min (weight from the pump) at T0+150 min")
                .afterOnset(min(150), new StartVasopressor(1, "Dopamine 200 mg/50 mL", 4, 13.2))
                .expectAfterOnset(EVENT, min(150))
                .build());
        put(l, "vasopressor-phenylephrine", () -> Scenarios.studyInfusion("vasopressor-phenylephrine")
                .description("phenylephrine 110 ug/min at T0+200 min")
                .afterOnset(min(200), new StartVasopressor(1, "Phenylephrine 50 mg/50 mL", 1, 6.6))
                .expectAfterOnset(EVENT, min(200))
                .build());
        put(l, "vasopressor-before-onset", () -> onNoradrenaline("vasopressor-before-onset")
                .description("noradrenaline 12 ug/min from 30 min before onset: already over at T0, nothing")
                .at(min(30), new SetVasopressorRate(1, noradRate(12)))
                .build());
        put(l, "vasopressor-after-window", () -> onNoradrenaline("vasopressor-after-window")
                .description("noradrenaline raised to 12 ug/min at T0+6 h 10 min: nothing")
                .afterOnset(min(370), new SetVasopressorRate(1, noradRate(12)))
                .build());
        put(l, "vasopressor-ordered-before-infusion", () -> onNoradrenaline("vasopressor-ordered-before-infusion")
                .description("increase ordered before the infusion, given after it (LANZONI's case): flagged, the note in context")
                .afterOnset(min(10), new ChartEntry("NOTE", "nurse-17", "noradrenaline increase ordered before the infusion"))
                .afterOnset(min(15), new SetVasopressorRate(1, noradRate(14)))
                .expectAfterOnset(EVENT, min(15))
                .build());
    }
}
