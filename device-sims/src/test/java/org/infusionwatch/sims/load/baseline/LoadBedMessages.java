package org.infusionwatch.sims.load.baseline;

import java.util.ArrayList;
import java.util.List;
import org.infusionwatch.sims.model.ClinicianEntry;
import org.infusionwatch.sims.model.DeviceSample;
import org.infusionwatch.sims.scenario.BedOutput;
import org.infusionwatch.sims.scenario.BedSimulation;
import org.infusionwatch.sims.scenario.Scenarios;

/** The device reports of one load bed (the load driver's scenario), over the first {@code minutes} of event time. */
final class LoadBedMessages {
    static final long START_MS = 1_795_342_500_000L; // 2026-11-22T10:15:00Z
    static final long PERIOD_MS = 60_000L;

    private LoadBedMessages() {
    }

    static List<DeviceSample> samples(String bed, int minutes) {
        BedSimulation sim = new BedSimulation(bed, Scenarios.hypoxemiaOnNoradrenaline(), START_MS, PERIOD_MS, 7);
        List<DeviceSample> samples = new ArrayList<>();
        sim.advanceTo(START_MS + minutes * 60_000L, new BedOutput() {
            @Override
            public void onStep(long simTimeMs, String description) {
            }

            @Override
            public void onSample(DeviceSample sample) {
                samples.add(sample);
            }

            @Override
            public void onEntry(ClinicianEntry entry) {
            }
        });
        return samples;
    }
}
