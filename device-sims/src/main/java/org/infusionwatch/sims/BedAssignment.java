package org.infusionwatch.sims;

import java.util.Objects;

import org.infusionwatch.sims.scenario.Scenario;

/**
 * A bed of the simulated unit and the scenario it plays.
 *
 * @param bed      e.g. {@code BED01}
 * @param scenario what happens at the bed
 */
public record BedAssignment(String bed, Scenario scenario) {

    public BedAssignment {
        Objects.requireNonNull(bed, "bed");
        Objects.requireNonNull(scenario, "scenario");
    }
}
