package org.infusionwatch.sims.scenario;

/**
 * One scripted thing that happens at a bed: a clinician changes a setting, starts a pump, the
 * patient deteriorates, a device goes quiet. New kinds of step are new implementations; a
 * scenario is data built from them.
 *
 * <p>Threading: called on the thread that runs the {@link BedSimulation}.
 */
@FunctionalInterface
public interface ScenarioAction {

    /**
     * Applies this step to the bed at sim time {@code nowMs}.
     *
     * @return what happened, for people, e.g. {@code "FiO2 0.40→0.70, PEEP 8→14"}
     */
    String apply(BedDevices bed, long nowMs);
}
