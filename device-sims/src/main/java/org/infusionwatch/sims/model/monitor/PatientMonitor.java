package org.infusionwatch.sims.model.monitor;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
 * It also raises alarms (IHE PCD-04, see {@link AlarmSamples}) the moment they start and end, and
 * while a {@link MonitorArtefact} is on it reports what a real monitor would: wrong values, a
 * perfusion index, systolic and diastolic pressures, and the technical alarm.
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
    private final List<DeviceSample> pendingAlarms = new ArrayList<>();
    private final Set<MonitorArtefact> artefacts = EnumSet.noneOf(MonitorArtefact.class);
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

    /** The monitor raises {@code alarm} at {@code nowMs} (phase start). */
    public void raise(MonitorAlarm alarm, long nowMs) {
        pendingAlarms.add(AlarmSamples.sample(deviceId, kind(), schedule.nextSequence(), nowMs, alarm, true));
    }

    /** The alarm ends at {@code nowMs} (phase end, inactive). */
    public void end(MonitorAlarm alarm, long nowMs) {
        pendingAlarms.add(AlarmSamples.sample(deviceId, kind(), schedule.nextSequence(), nowMs, alarm, false));
    }

    /** An artefact begins; its technical alarm, if any, is raised now. */
    public void startArtefact(MonitorArtefact artefact, long nowMs) {
        if (artefacts.add(artefact) && artefact.technicalAlarm() != null) {
            raise(artefact.technicalAlarm(), nowMs);
        }
    }

    /** The artefact ends; its technical alarm, if any, ends now. */
    public void stopArtefact(MonitorArtefact artefact, long nowMs) {
        if (artefacts.remove(artefact) && artefact.technicalAlarm() != null) {
            end(artefact.technicalAlarm(), nowMs);
        }
    }

    @Override
    public long nextDueMs() {
        return pendingAlarms.isEmpty() ? schedule.nextDueMs()
                : Math.min(schedule.nextDueMs(), pendingAlarms.get(0).timeMs());
    }

    @Override
    public List<DeviceSample> tick(long nowMs) {
        List<DeviceSample> reports = new ArrayList<>(1);
        while (nextDueMs() <= nowMs) {
            // An alarm goes out before the periodic report of the same instant, as a monitor sends
            // its lead-off alarm before the heart rate it can no longer measure.
            if (!pendingAlarms.isEmpty() && pendingAlarms.get(0).timeMs() <= schedule.nextDueMs()) {
                reports.add(pendingAlarms.remove(0));
            } else {
                reports.add(report(schedule.takeDue()));
            }
        }
        return reports;
    }

    private DeviceSample report(long timeMs) {
        long spo2 = Math.min(100, jitter(vitals.spo2Percent(), SPO2_NOISE));
        long heartRate = jitter(vitals.heartRatePerMin(), HEART_RATE_NOISE);
        long map = jitter(vitals.meanArterialMmHg(), MAP_NOISE);
        if (artefacts.isEmpty()) {
            List<Observation> obs = List.of(
                    Observation.measurement(Mdc.SPO2, "1.1.1.1", ObsValue.of(spo2), Mdc.PERCENT),
                    Observation.measurement(Mdc.ECG_HEART_RATE, "1.1.1.2", ObsValue.of(heartRate), Mdc.BEAT_PER_MIN),
                    Observation.measurement(Mdc.ART_MEAN_PRESSURE, "1.1.1.3", ObsValue.of(map), Mdc.MMHG));
            return new DeviceSample(deviceId, kind(), schedule.nextSequence(), timeMs, obs, Optional.empty());
        }
        return artefactReport(timeMs, spo2, heartRate, map);
    }

    private DeviceSample artefactReport(long timeMs, long spo2, long heartRate, long map) {
        long systolic = map + 35;
        long diastolic = map - 17;
        if (artefacts.contains(MonitorArtefact.SPO2_PROBE_OFF)) {
            spo2 = 62;
        }
        if (artefacts.contains(MonitorArtefact.SPO2_LOW_PERFUSION)) {
            spo2 = 70;
        }
        if (artefacts.contains(MonitorArtefact.ECG_LEAD_OFF)) {
            heartRate = 0;
        } else if (artefacts.contains(MonitorArtefact.ECG_NOISE)) {
            heartRate = 320;
        }
        if (artefacts.contains(MonitorArtefact.ARTERIAL_FLUSH)) {
            map = 260;
            systolic = 300;
            diastolic = 240;
        } else if (artefacts.contains(MonitorArtefact.ARTERIAL_ZEROING)) {
            map = 0;
            systolic = 0;
            diastolic = 0;
        } else if (artefacts.contains(MonitorArtefact.ARTERIAL_DAMPED)) {
            map = 55;
            systolic = 58;
            diastolic = 53;
        }
        List<Observation> obs = new ArrayList<>(6);
        obs.add(Observation.measurement(Mdc.SPO2, "1.1.1.1", ObsValue.of(spo2), Mdc.PERCENT));
        if (artefacts.contains(MonitorArtefact.SPO2_LOW_PERFUSION)) {
            obs.add(Observation.measurement(Mdc.PERFUSION_INDEX, "1.1.1.5", ObsValue.of(0.1), Mdc.DIMLESS));
        }
        obs.add(Observation.measurement(Mdc.ECG_HEART_RATE, "1.1.1.2", ObsValue.of(heartRate), Mdc.BEAT_PER_MIN));
        obs.add(Observation.measurement(Mdc.ART_SYSTOLIC, "1.1.1.6", ObsValue.of(systolic), Mdc.MMHG));
        obs.add(Observation.measurement(Mdc.ART_DIASTOLIC, "1.1.1.7", ObsValue.of(diastolic), Mdc.MMHG));
        obs.add(Observation.measurement(Mdc.ART_MEAN_PRESSURE, "1.1.1.3", ObsValue.of(map), Mdc.MMHG));
        return new DeviceSample(deviceId, kind(), schedule.nextSequence(), timeMs, obs, Optional.empty());
    }

    private long jitter(double value, int amplitude) {
        return Math.max(0, Math.round(value) + noise.nextInt(-amplitude, amplitude + 1));
    }
}
