package org.infusionwatch.sims.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

import org.infusionwatch.sims.model.ClinicianEntry;
import org.infusionwatch.sims.model.DeviceKind;
import org.infusionwatch.sims.model.DeviceModel;
import org.infusionwatch.sims.model.monitor.PatientMonitor;
import org.infusionwatch.sims.model.pump.InfusionPump;
import org.infusionwatch.sims.model.vent.Ventilator;

/**
 * The devices at one bed and the bedside chart: everything a {@link ScenarioAction} can act on.
 *
 * <p>Threading: not thread-safe; owned by the thread that runs the {@link BedSimulation}.
 */
public final class BedDevices {

    private final String bed;
    private final Ventilator ventilator;
    private final PatientMonitor monitor;
    private final InfusionPump pump;
    private final List<DeviceModel> models;
    private final List<ClinicianEntry> chart = new ArrayList<>();
    private int entryCount;

    /**
     * @param firstReportMs sim time of the first periodic report
     * @param noise         seeded source for the devices' measurement noise
     */
    public BedDevices(String bed, BedBaseline baseline, long firstReportMs, long reportPeriodMs,
                      RandomGenerator noise) {
        this.bed = Objects.requireNonNull(bed, "bed");
        this.ventilator = new Ventilator(DeviceKind.VENTILATOR.deviceId(bed), baseline.vent(),
                baseline.respRatePerMin(), firstReportMs, reportPeriodMs, noise);
        this.monitor = new PatientMonitor(DeviceKind.MONITOR.deviceId(bed), baseline.vitals(),
                firstReportMs, reportPeriodMs, noise);
        this.pump = new InfusionPump(DeviceKind.PUMP.deviceId(bed), baseline.weightKg());
        this.models = List.of(ventilator, monitor, pump);
    }

    public String bed() {
        return bed;
    }

    public Ventilator ventilator() {
        return ventilator;
    }

    public PatientMonitor monitor() {
        return monitor;
    }

    public InfusionPump pump() {
        return pump;
    }

    /** The devices in the order they are ticked. */
    public List<DeviceModel> models() {
        return models;
    }

    /** The earliest sim time at which any device has something to report. */
    public long nextDueMs() {
        long next = Long.MAX_VALUE;
        for (DeviceModel model : models) {
            next = Math.min(next, model.nextDueMs());
        }
        return next;
    }

    /** A clinician charts an entry at {@code nowMs}; returns it. */
    public ClinicianEntry chart(String type, String by, String note, long nowMs) {
        ClinicianEntry entry = new ClinicianEntry(
                String.format("E-%s-%04d", bed, ++entryCount), type, nowMs, by, note);
        chart.add(entry);
        return entry;
    }

    /** Hands the entries charted since the last call to {@code sink}. */
    void drainChart(Consumer<ClinicianEntry> sink) {
        chart.forEach(sink);
        chart.clear();
    }
}
