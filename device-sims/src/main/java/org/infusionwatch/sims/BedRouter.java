package org.infusionwatch.sims;

import java.util.Map;

import org.infusionwatch.sims.model.ClinicianEntry;
import org.infusionwatch.sims.model.DeviceKind;
import org.infusionwatch.sims.model.DeviceSample;
import org.infusionwatch.sims.scenario.BedOutput;
import org.infusionwatch.sims.scenario.BedSimulation;
import org.infusionwatch.sims.wire.DeviceSink;
import org.infusionwatch.sims.wire.EntrySink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running bed: routes what its simulation produces to the listener and to each device's
 * transport.
 *
 * <p>Threading: used only by the {@link SimulatedIcu}'s ticker thread.
 */
final class BedRouter implements BedOutput {

    private static final Logger log = LoggerFactory.getLogger(BedRouter.class);

    private final String unit;
    private final BedSimulation simulation;
    private final Map<DeviceKind, DeviceSink> sinks;
    private final EntrySink entries;
    private final SimListener listener;

    /**
     * @param entries where clinician entries go (MQTT JSON, else HL7 over MLLP as a charting system)
     */
    BedRouter(String unit, BedSimulation simulation, Map<DeviceKind, DeviceSink> sinks,
              EntrySink entries, SimListener listener) {
        this.unit = unit;
        this.simulation = simulation;
        this.sinks = Map.copyOf(sinks);
        this.entries = entries;
        this.listener = listener;
    }

    BedSimulation simulation() {
        return simulation;
    }

    @Override
    public void onStep(long simTimeMs, String description) {
        try {
            listener.onScenarioStep(simulation.bed(), simTimeMs, description);
        } catch (RuntimeException e) {
            log.warn("{}/{}: listener failed on '{}'", unit, simulation.bed(), description, e);
        }
    }

    @Override
    public void onSample(DeviceSample sample) {
        sinks.get(sample.kind()).publish(sample);
    }

    @Override
    public void onEntry(ClinicianEntry entry) {
        entries.publishEntry(unit, simulation.bed(), entry);
    }
}
