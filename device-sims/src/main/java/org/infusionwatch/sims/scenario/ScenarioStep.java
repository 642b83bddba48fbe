package org.infusionwatch.sims.scenario;

import java.util.Objects;

/**
 * A step of a scenario.
 *
 * @param offsetMs when, relative to the scenario start
 * @param action   what happens
 */
public record ScenarioStep(long offsetMs, ScenarioAction action) {

    public ScenarioStep {
        if (offsetMs < 0) {
            throw new IllegalArgumentException("offsetMs: " + offsetMs + " (expected: >= 0)");
        }
        Objects.requireNonNull(action, "action");
    }
}
