package org.infusionwatch.sims.model.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.infusionwatch.sims.model.DeviceKind;
import org.infusionwatch.sims.model.DeviceModel;
import org.infusionwatch.sims.model.DeviceSample;
import org.infusionwatch.sims.model.Mdc;
import org.infusionwatch.sims.model.ObsValue;
import org.infusionwatch.sims.model.Observation;
import org.infusionwatch.sims.model.ReportSchedule;

/**
 * A bedside physiological monitor: reports SpO2, ECG heart rate and arterial mean pressure every
 * report period of sim time, each with small seeded noise around the patient's {@link Vitals}.
 *
 * <p>Threading: not thread-safe; one thread owns it (see {@link DeviceModel}).
 */
public final class PatientMonitor implements DeviceModel {

    private static final int SPO2_NOISE = 1;
    private static final int HEART_RATE_NOISE = 3;
    private static final int MAP_NOISE = 2;

    private final String deviceId;
    private final ReportSchedule schedule;
    private final RandomGenerator noise;
    private Vitals vitals;

    public PatientMonitor(String deviceId, Vitals vitals, long firstReportMs, long reportPeriodMs,
                          RandomGenerator noise) {
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.vitals = Objects.requireNonNull(vitals, "vitals");
        this.schedule = new ReportSchedule(firstReportMs, reportPeriodMs);
        this.noise = Objects.requireNonNull(noise, "noise");
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    @Override
    public DeviceKind kind() {
        return DeviceKind.MONITOR;
    }

    public Vitals vitals() {
        return vitals;
    }

    /** The patient's condition changes; the next report reflects it. */
    public void apply(Vitals newVitals) {
        this.vitals = Objects.requireNonNull(newVitals, "newVitals");
    }

    @Override
    public long nextDueMs() {
        return schedule.nextDueMs();
    }

    @Override
    public List<DeviceSample> tick(long nowMs) {
        List<DeviceSample> reports = new ArrayList<>(1);
        while (schedule.isDue(nowMs)) {
            reports.add(report(schedule.takeDue()));
        }
        return reports;
    }

    private DeviceSample report(long timeMs) {
        long spo2 = Math.min(100, jitter(vitals.spo2Percent(), SPO2_NOISE));
        long heartRate = jitter(vitals.heartRatePerMin(), HEART_RATE_NOISE);
        long map = jitter(vitals.meanArterialMmHg(), MAP_NOISE);
        List<Observation> obs = List.of(
                Observation.measurement(Mdc.SPO2, "1.1.1.1", ObsValue.of(spo2), Mdc.PERCENT),
                Observation.measurement(Mdc.ECG_HEART_RATE, "1.1.1.2", ObsValue.of(heartRate), Mdc.BEAT_PER_MIN),
                Observation.measurement(Mdc.ART_MEAN_PRESSURE, "1.1.1.3", ObsValue.of(map), Mdc.MMHG));
        return new DeviceSample(deviceId, kind(), schedule.nextSequence(), timeMs, obs, Optional.empty());
    }

    private long jitter(double value, int amplitude) {
        return Math.max(0, Math.round(value) + noise.nextInt(-amplitude, amplitude + 1));
    }
}
