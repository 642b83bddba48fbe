package org.infusionwatch.sims.scenario;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The library of scripted, labelled scenarios (expected events and onset times, per protocol
 * profile where the profiles differ): each event, near misses just under each threshold, events
 * before onset and after the window, artefact storms, several infusions, late onset messages,
 * device silence. Unless a scenario says otherwise it starts from {@link BedBaseline#DEFAULT},
 * starts the study infusion 60 min after the scenario start (T0, so the baseline hour is
 * recorded) and completes it at T0 + 1 h. The groups live in {@code *Scenarios} classes of this
 * package; this class names them all.
 */
public final class Scenarios {

    /** The blinded study product label: active product and placebo carry the same one. */
    public static final String STUDY_PRODUCT_LABEL = "STUDY-PRODUCT KIT-0042";
    public static final double STUDY_RATE_ML_PER_HOUR = 100;
    public static final Duration ONSET = Duration.ofMinutes(60);
    public static final String HYPOXEMIA_WORSENING = "HYPOXEMIA_WORSENING";

    static final String STUDY_INFUSION = "study infusion";

    private static final Map<String, Supplier<Scenario>> LIBRARY = library();

    private Scenarios() {
    }

    /** FiO2 0.40→0.70 and PEEP 8→14 at T0 + 2 h: expects {@code HYPOXEMIA_WORSENING} then. */
    public static Scenario hypoxemia() {
        return studyInfusion("hypoxemia")
                .description("FiO2 0.40→0.70 and PEEP 8→14 cmH2O two hours after onset")
                .afterOnset(Duration.ofHours(2), AdjustVentilator.to(0.70, 14))
                .expectAfterOnset(HYPOXEMIA_WORSENING, Duration.ofHours(2))
                .build();
    }

    /**
     * The load harness's bed: {@link #hypoxemia()} with a noradrenaline syringe running at
     * 4 µg/min from the start (under every protocol's threshold), so that the monitor, the
     * ventilator and a pump all report every period. Expects {@code HYPOXEMIA_WORSENING} at T0 + 2 h
     * and nothing else. Not in the library: the detection benchmark covers its parts.
     */
    public static Scenario hypoxemiaOnNoradrenaline() {
        return studyInfusion("hypoxemia-on-noradrenaline")
                .description("noradrenaline 4 ug/min throughout; FiO2 0.40→0.70 and PEEP 8→14 cmH2O two hours after onset")
                .at(Duration.ZERO, new StartVasopressor(1, Library.NORAD, Library.NORAD_MG_PER_ML, Library.noradRate(4)))
                .afterOnset(Duration.ofHours(2), AdjustVentilator.to(0.70, 14))
                .expectAfterOnset(HYPOXEMIA_WORSENING, Duration.ofHours(2))
                .build();
    }

    /** FiO2 0.40→0.59 and PEEP 8→12 at T0 + 2 h: just under the +0.20 / +5 thresholds; expects nothing. */
    public static Scenario nearMissHypoxemia() {
        return studyInfusion("near-miss-hypoxemia")
                .description("FiO2 0.40→0.59 and PEEP 8→12 cmH2O two hours after onset, under the thresholds")
                .afterOnset(Duration.ofHours(2), AdjustVentilator.to(0.59, 12))
                .build();
    }

    /** The study infusion and nothing else; expects nothing. */
    public static Scenario stable() {
        return studyInfusion("stable")
                .description("study infusion, patient stable")
                .build();
    }

    /**
     * The scenario called {@code name}.
     *
     * @throws IllegalArgumentException if there is none; the message lists the known names
     */
    public static Scenario named(String name) {
        Supplier<Scenario> scenario = LIBRARY.get(name);
        if (scenario == null) {
            throw new IllegalArgumentException("unknown scenario: " + name + " (known: " + names() + ")");
        }
        return scenario.get();
    }

    /** Every scenario of the library, in library order. */
    public static List<Scenario> all() {
        List<Scenario> all = new java.util.ArrayList<>();
        LIBRARY.values().forEach(s -> all.add(s.get()));
        return all;
    }

    /** The names of all scenarios, in library order. */
    public static List<String> names() {
        return List.copyOf(LIBRARY.keySet());
    }

    /** The scenarios of beds 1..4 by default: hypoxemia, near-miss-hypoxemia, stable, hypoxemia. */
    public static List<Scenario> defaultRotation() {
        return List.of(hypoxemia(), nearMissHypoxemia(), stable(), hypoxemia());
    }

    /** The default scenario of the bed at {@code index} (0-based): the rotation, repeated. */
    public static Scenario defaultFor(int index) {
        List<Scenario> rotation = defaultRotation();
        return rotation.get(Math.floorMod(index, rotation.size()));
    }

    static Scenario.Builder studyInfusion(String name) {
        return Scenario.builder(name)
                .onsetAt(ONSET, new StartInfusion(STUDY_INFUSION, STUDY_PRODUCT_LABEL, STUDY_RATE_ML_PER_HOUR))
                .afterOnset(Duration.ofHours(1), new CompleteInfusion(STUDY_INFUSION));
    }

    private static Map<String, Supplier<Scenario>> library() {
        Map<String, Supplier<Scenario>> library = new LinkedHashMap<>();
        library.put("hypoxemia", Scenarios::hypoxemia);
        library.put("near-miss-hypoxemia", Scenarios::nearMissHypoxemia);
        library.put("stable", Scenarios::stable);
        RespiratoryScenarios.register(library);
        VasopressorScenarios.register(library);
        ArrhythmiaScenarios.register(library);
        ClinicianScenarios.register(library);
        WindowScenarios.register(library);
        ArtefactScenarios.register(library);
        WarningScenarios.register(library);
        return Collections.unmodifiableMap(library); // keeps library order for names()
    }
}
