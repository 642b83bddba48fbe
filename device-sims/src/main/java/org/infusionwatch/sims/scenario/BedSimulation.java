package org.infusionwatch.sims.scenario;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import org.infusionwatch.sims.model.DeviceModel;
import org.infusionwatch.sims.model.DeviceSample;

/**
 * One bed playing one scenario: applies the scripted steps and ticks the bed's devices, in
 * sim-time order. Pure: no threads, no wall clock; the same inputs give the same output however
 * often {@link #advanceTo} is called.
 *
 * <p>Threading: not thread-safe; one thread owns it.
 */
public final class BedSimulation {

    private final Scenario scenario;
    private final long startMs;
    private final BedDevices devices;
    private final List<ScenarioStep> steps;
    private int nextStep;

    /**
     * @param startMs        sim time of the scenario start; devices report from then on
     * @param reportPeriodMs sim time between periodic reports of each device
     * @param seed           seed of the devices' measurement noise
     */
    public BedSimulation(String bed, Scenario scenario, long startMs, long reportPeriodMs, long seed) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.startMs = startMs;
        this.devices = new BedDevices(bed, scenario.baseline(), startMs, reportPeriodMs, new SplittableRandom(seed));
        this.steps = scenario.steps();
    }

    public String bed() {
        return devices.bed();
    }

    public Scenario scenario() {
        return scenario;
    }

    public long startMs() {
        return startMs;
    }

    public BedDevices devices() {
        return devices;
    }

    /**
     * Runs the bed up to and including sim time {@code nowMs}. At each instant the scripted
     * steps come first, so a report due at the same instant already shows their effect.
     */
    public void advanceTo(long nowMs, BedOutput out) {
        while (true) {
            long t = nextEventMs();
            if (t > nowMs) {
                return;
            }
            while (nextStepMs() <= t) {
                ScenarioStep step = steps.get(nextStep++);
                out.onStep(t, step.action().apply(devices, t));
            }
            // Reports held back by a delay go out before the reports of this instant.
            devices.faults().release(t, out);
            List<DeviceModel> models = devices.models();
            for (int i = 0; i < models.size(); i++) {
                for (DeviceSample sample : models.get(i).tick(t)) {
                    devices.faults().pass(sample, out);
                }
            }
            devices.drainChart(out::onEntry);
        }
    }

    /** Sim time of the next thing this bed does: a scripted step, a report, or a held report's release. */
    public long nextEventMs() {
        return Math.min(Math.min(nextStepMs(), devices.nextDueMs()), devices.faults().nextReleaseMs());
    }

    private long nextStepMs() {
        return nextStep < steps.size() ? startMs + steps.get(nextStep).offsetMs() : Long.MAX_VALUE;
    }
}
