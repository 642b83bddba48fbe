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
import org.infusionwatch.sims.model.pump.SyringePump;
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
    private final List<DeviceModel> models = new ArrayList<>(4);
    private final java.util.Map<Integer, SyringePump> syringePumps = new java.util.TreeMap<>();
    private final DeviceFaults faults = new DeviceFaults();
    private final double weightKg;
    private final long firstReportMs;
    private final long reportPeriodMs;
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
        this.weightKg = baseline.weightKg();
        this.firstReportMs = firstReportMs;
        this.reportPeriodMs = reportPeriodMs;
        models.add(ventilator);
        models.add(monitor);
        models.add(pump);
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

    /**
     * The syringe pump {@code number} of the bed (device id {@code SPUMP-BED01-1} ...), set up on
     * first use: it reports on the bed's report grid, so its reports line up with the others'.
     */
    public SyringePump syringePump(int number, long nowMs) {
        return syringePumps.computeIfAbsent(number, n -> {
            long periods = Math.max(0, (nowMs - firstReportMs + reportPeriodMs - 1) / reportPeriodMs);
            SyringePump p = new SyringePump(DeviceKind.PUMP.deviceId(bed) + "-S" + n, weightKg,
                    firstReportMs + periods * reportPeriodMs, reportPeriodMs);
            models.add(p);
            return p;
        });
    }

    /** The device id of the bed's device of {@code kind}. */
    public String deviceId(DeviceKind kind) {
        return kind.deviceId(bed);
    }

    /** What goes wrong on the way from this bed's devices to the network. */
    DeviceFaults faults() {
        return faults;
    }

    /** The devices in the order they are ticked (syringe pumps are added when first used). */
    public List<DeviceModel> models() {
        return java.util.Collections.unmodifiableList(models);
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
