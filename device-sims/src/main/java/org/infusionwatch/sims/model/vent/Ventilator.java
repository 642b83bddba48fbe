package org.infusionwatch.sims.model.vent;

import java.math.BigDecimal;
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
 * A mechanical ventilator: reports its settings (FiO2, PEEP, mode) and the measured respiratory
 * rate every report period of sim time.
 *
 * <p>Threading: not thread-safe; one thread owns it (see {@link DeviceModel}).
 */
public final class Ventilator implements DeviceModel {

    private final String deviceId;
    private final ReportSchedule schedule;
    private final RandomGenerator noise;
    private VentSettings settings;
    private double respRatePerMin;

    /**
     * @param noise seeded source of the small breath-to-breath variation of the measured rate
     */
    public Ventilator(String deviceId, VentSettings settings, double respRatePerMin,
                      long firstReportMs, long reportPeriodMs, RandomGenerator noise) {
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.respRatePerMin = respRatePerMin;
        this.schedule = new ReportSchedule(firstReportMs, reportPeriodMs);
        this.noise = Objects.requireNonNull(noise, "noise");
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    @Override
    public DeviceKind kind() {
        return DeviceKind.VENTILATOR;
    }

    public VentSettings settings() {
        return settings;
    }

    /** A clinician changes the settings; the next report carries them. */
    public void apply(VentSettings newSettings) {
        this.settings = Objects.requireNonNull(newSettings, "newSettings");
    }

    public void setRespRatePerMin(double respRatePerMin) {
        this.respRatePerMin = respRatePerMin;
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
        // The device reports FiO2 in percent, as most ventilators do; the gateway reads both forms.
        BigDecimal fio2Percent = BigDecimal.valueOf(settings.fio2()).movePointRight(2);
        long measuredRate = Math.max(0, Math.round(respRatePerMin + noise.nextInt(-1, 2)));
        List<Observation> obs = List.of(
                Observation.setting(Mdc.VENT_FIO2, "1.1.1.1", new ObsValue.Numeric(fio2Percent), Mdc.PERCENT),
                Observation.setting(Mdc.VENT_PEEP, "1.1.1.2", ObsValue.of(settings.peepCmH2O()), Mdc.CM_H2O),
                Observation.setting(Mdc.VENT_MODE, "1.1.1.3", new ObsValue.Coded("", settings.mode()), null),
                Observation.measurement(Mdc.VENT_RESP_RATE, "1.1.1.4", ObsValue.of(measuredRate), Mdc.RESP_PER_MIN));
        return new DeviceSample(deviceId, kind(), schedule.nextSequence(), timeMs, obs, Optional.empty());
    }
}
