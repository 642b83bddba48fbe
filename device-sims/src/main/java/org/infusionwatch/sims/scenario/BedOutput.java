package org.infusionwatch.sims.scenario;

import org.infusionwatch.sims.model.ClinicianEntry;
import org.infusionwatch.sims.model.DeviceSample;

/**
 * Receives what a {@link BedSimulation} produces, in sim-time order.
 *
 * <p>Threading: called on the thread that advances the simulation; must not block for long.
 */
public interface BedOutput {

    /** A scripted step was applied at {@code simTimeMs}. */
    void onStep(long simTimeMs, String description);

    /** A device reported. */
    void onSample(DeviceSample sample);

    /** A clinician charted an entry. */
    void onEntry(ClinicianEntry entry);
}
