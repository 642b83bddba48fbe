package org.infusionwatch.sims.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.infusionwatch.sims.model.ClinicianEntry;
import org.infusionwatch.sims.model.DeviceKind;
import org.infusionwatch.sims.model.DeviceSample;

/** Collects what a bed simulation produces, in order. */
final class RecordingOutput implements BedOutput {

    record Step(long simTimeMs, String description) { }

    final List<Object> all = new ArrayList<>();
    final List<Step> steps = new ArrayList<>();
    final List<DeviceSample> samples = new ArrayList<>();
    final List<ClinicianEntry> entries = new ArrayList<>();

    @Override
    public void onStep(long simTimeMs, String description) {
        Step step = new Step(simTimeMs, description);
        steps.add(step);
        all.add(step);
    }

    @Override
    public void onSample(DeviceSample sample) {
        samples.add(sample);
        all.add(sample);
    }

    @Override
    public void onEntry(ClinicianEntry entry) {
        entries.add(entry);
        all.add(entry);
    }

    List<DeviceSample> of(DeviceKind kind) {
        return samples.stream().filter(s -> s.kind() == kind).collect(Collectors.toList());
    }
}
