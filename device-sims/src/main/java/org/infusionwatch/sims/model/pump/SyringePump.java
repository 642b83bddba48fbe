package org.infusionwatch.sims.model.pump;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.infusionwatch.sims.model.DeviceKind;
import org.infusionwatch.sims.model.DeviceModel;
import org.infusionwatch.sims.model.DeviceSample;
import org.infusionwatch.sims.model.Mdc;
import org.infusionwatch.sims.model.ObsValue;
import org.infusionwatch.sims.model.Observation;
import org.infusionwatch.sims.model.ReportSchedule;

/**
 * A syringe pump giving a vasopressor, as a B. Braun Space Perfusor reports it over IHE PCD-01:
 * infusing status, program delivery mode (continuous, bolus, priming), drug label, programmed
 * rate, drug concentration and patient weight, every report period and at once when anything
 * changes. Its device id (e.g. {@code SPUMP-BED01-1}) tells it from the other pumps of the bed.
 *
 * <p>Threading: not thread-safe; one thread owns it (see {@link DeviceModel}).
 */
public final class SyringePump implements DeviceModel {

    /** Delivery modes as sent in MDC_DEV_PUMP_PROGRAM_DELIVERY_MODE. */
    public static final String CONTINUOUS = "pump-program-delivery-mode-continuous";
    public static final String BOLUS = "pump-program-delivery-mode-bolus";
    public static final String PRIMING = "pump-program-delivery-mode-priming";

    private final String deviceId;
    private final double weightKg;
    private final ReportSchedule schedule;
    private final List<DeviceSample> pending = new ArrayList<>(2);
    private String drugLabel = "";
    private double mgPerMl;
    private double rateMlPerHour;
    private boolean infusing;
    private String mode = CONTINUOUS;
    private long changes;

    /**
     * @param weightKg patient weight programmed on the pump; NaN = none programmed
     */
    public SyringePump(String deviceId, double weightKg, long firstReportMs, long reportPeriodMs) {
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.weightKg = weightKg;
        this.schedule = new ReportSchedule(firstReportMs, reportPeriodMs);
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    @Override
    public DeviceKind kind() {
        return DeviceKind.PUMP;
    }

    public boolean infusing() {
        return infusing;
    }

    public double rateMlPerHour() {
        return rateMlPerHour;
    }

    public String drugLabel() {
        return drugLabel;
    }

    /**
     * Starts a continuous infusion of {@code label} at {@code concentrationMgPerMl} (NaN: none
     * programmed, as for vasopressin in units), {@code rate} mL/h.
     */
    public void start(String label, double concentrationMgPerMl, double rate, long nowMs) {
        this.drugLabel = Objects.requireNonNull(label, "label");
        this.mgPerMl = concentrationMgPerMl;
        this.rateMlPerHour = rate;
        this.infusing = true;
        this.mode = CONTINUOUS;
        changed(nowMs);
    }

    /** The rate is changed (titration). */
    public void setRate(double rate, long nowMs) {
        this.rateMlPerHour = rate;
        changed(nowMs);
    }

    /** The delivery mode changes (a bolus or priming at {@code rate}); {@link #CONTINUOUS} goes back. */
    public void setMode(String newMode, double rate, long nowMs) {
        this.mode = Objects.requireNonNull(newMode, "newMode");
        this.rateMlPerHour = rate;
        changed(nowMs);
    }

    public void stop(long nowMs) {
        this.infusing = false;
        changed(nowMs);
    }

    private void changed(long nowMs) {
        pending.add(report(nowMs, ++changes));
    }

    @Override
    public long nextDueMs() {
        if (drugLabel.isEmpty()) {
            return pending.isEmpty() ? Long.MAX_VALUE : pending.get(0).timeMs();
        }
        return pending.isEmpty() ? schedule.nextDueMs() : Math.min(schedule.nextDueMs(), pending.get(0).timeMs());
    }

    @Override
    public List<DeviceSample> tick(long nowMs) {
        List<DeviceSample> due = new ArrayList<>(1);
        while (nextDueMs() <= nowMs) {
            if (!pending.isEmpty() && pending.get(0).timeMs() <= schedule.nextDueMs()) {
                due.add(pending.remove(0));
            } else {
                due.add(report(schedule.takeDue(), 0));
            }
        }
        return due;
    }

    /** Periodic reports use the schedule's sequence; reports on change are numbered apart so ids stay unique. */
    private DeviceSample report(long timeMs, long changeNumber) {
        List<Observation> obs = new ArrayList<>(6);
        obs.add(Observation.attribute(Mdc.PUMP_INFUSING_STATUS, "1.1.1.1",
                new ObsValue.Coded("", infusing ? "pump-status-infusing" : "pump-status-not-infusing"), null));
        obs.add(Observation.attribute(Mdc.PUMP_DELIVERY_MODE, "1.1.2.21", new ObsValue.Coded("", mode), null));
        obs.add(Observation.attribute(Mdc.DRUG_NAME_LABEL, "1.1.2.2", new ObsValue.Text(drugLabel), null));
        obs.add(Observation.attribute(Mdc.FLOW_FLUID_PUMP, "1.1.2.5", new ObsValue.Numeric(BigDecimal.valueOf(rateMlPerHour)),
                Mdc.ML_PER_HOUR));
        if (!Double.isNaN(mgPerMl)) {
            obs.add(Observation.attribute(Mdc.CONC_DRUG, "1.1.2.7", new ObsValue.Numeric(BigDecimal.valueOf(mgPerMl)),
                    Mdc.MG_PER_ML));
        }
        if (!Double.isNaN(weightKg)) {
            obs.add(Observation.attribute(Mdc.PATIENT_WEIGHT, "1.1.2.18", new ObsValue.Numeric(BigDecimal.valueOf(weightKg)),
                    Mdc.KG));
        }
        long sequence = changeNumber == 0 ? schedule.nextSequence() : 500_000 + changeNumber;
        return new DeviceSample(deviceId, kind(), sequence, timeMs, obs, Optional.empty());
    }
}
