package org.infusionwatch.sims;

/**
 * Told of each scripted scenario step as it is applied, e.g. "study infusion started …",
 * "FiO2 0.40→0.70, PEEP 8→14".
 *
 * <p>Threading: called on the {@link SimulatedIcu}'s ticker thread; must return quickly.
 */
@FunctionalInterface
public interface SimListener {

    void onScenarioStep(String bed, long simTimeMs, String description);
}
