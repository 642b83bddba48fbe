package org.infusionwatch.agent.protocol;

/**
 * HYPOXEMIA_WORSENING: set FiO2 and/or set PEEP raised against the settings in effect at onset.
 * Immutable.
 *
 * @param fio2Rise        FiO2 rise: a fraction (0.20) when absolute, a ratio (0.20 = 20 %) when relative
 * @param fio2Relative    true = rise measured relative to the baseline FiO2
 * @param fio2Comparison  {@code >=} or {@code >}
 * @param peepRiseCmH2O   PEEP rise in cmH2O
 * @param peepComparison  {@code >=} or {@code >}
 * @param needsBoth       true = FiO2 AND PEEP (START), false = either (LANZONI)
 * @param holdMs          how long the rise must hold
 */
public record HypoxemiaDefinition(
        double fio2Rise,
        boolean fio2Relative,
        Comparison fio2Comparison,
        double peepRiseCmH2O,
        Comparison peepComparison,
        boolean needsBoth,
        long holdMs) {
}
