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
import org.infusionwatch.sims.model.MdcTerm;
import org.infusionwatch.sims.model.ObsValue;
import org.infusionwatch.sims.model.Observation;
import org.infusionwatch.sims.model.PumpEvent;

/**
 * A large-volume infusion pump. It reports only events: delivery start when a clinician starts
 * it ({@code MDC_EVT_PUMP_DELIV_START}) and delivery complete when the delivery ends
 * ({@code MDC_EVT_PUMP_DELIV_COMP}).
 *
 * <p>Threading: not thread-safe; one thread owns it (see {@link DeviceModel}).
 */
public final class InfusionPump implements DeviceModel {

    private final String deviceId;
    private final double weightKg;
    private final List<DeviceSample> pending = new ArrayList<>(2);
    private PumpState state = PumpState.IDLE;
    private String drugLabel = "";
    private double rateMlPerHour;
    private long sequence;

    public InfusionPump(String deviceId, double weightKg) {
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        if (weightKg <= 0) {
            throw new IllegalArgumentException("weightKg: " + weightKg + " (expected: > 0)");
        }
        this.weightKg = weightKg;
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    @Override
    public DeviceKind kind() {
        return DeviceKind.PUMP;
    }

    public PumpState state() {
        return state;
    }

    public String drugLabel() {
        return drugLabel;
    }

    public double rateMlPerHour() {
        return rateMlPerHour;
    }

    /**
     * Starts a delivery at {@code nowMs}.
     *
     * @throws IllegalStateException if the pump is already infusing
     */
    public void start(String label, double rate, long nowMs) {
        if (state == PumpState.INFUSING) {
            throw new IllegalStateException(deviceId + " is already infusing " + drugLabel);
        }
        if (rate <= 0) {
            throw new IllegalArgumentException("rate: " + rate + " (expected: > 0)");
        }
        this.drugLabel = Objects.requireNonNull(label, "label");
        this.rateMlPerHour = rate;
        this.state = PumpState.INFUSING;
        pending.add(event(Mdc.EVT_PUMP_DELIV_START, nowMs));
    }

    /**
     * Ends the delivery at {@code nowMs} (the programmed volume has been given).
     *
     * @throws IllegalStateException if the pump is not infusing
     */
    public void complete(long nowMs) {
        if (state != PumpState.INFUSING) {
            throw new IllegalStateException(deviceId + " is not infusing (" + state + ")");
        }
        this.state = PumpState.COMPLETE;
        pending.add(event(Mdc.EVT_PUMP_DELIV_COMP, nowMs));
    }

    @Override
    public long nextDueMs() {
        return pending.isEmpty() ? Long.MAX_VALUE : pending.get(0).timeMs();
    }

    @Override
    public List<DeviceSample> tick(long nowMs) {
        List<DeviceSample> due = new ArrayList<>(pending.size());
        while (!pending.isEmpty() && pending.get(0).timeMs() <= nowMs) {
            due.add(pending.remove(0));
        }
        return due;
    }

    private DeviceSample event(MdcTerm condition, long timeMs) {
        BigDecimal rate = BigDecimal.valueOf(rateMlPerHour);
        BigDecimal weight = BigDecimal.valueOf(weightKg);
        List<Observation> obs = List.of(
                Observation.attribute(Mdc.DRUG_NAME_LABEL, "1.1.2.1", new ObsValue.Text(drugLabel), null),
                Observation.attribute(Mdc.FLOW_FLUID_PUMP, "1.1.2.2", new ObsValue.Numeric(rate), Mdc.ML_PER_HOUR),
                Observation.attribute(Mdc.PATIENT_WEIGHT, "1.1.2.3", new ObsValue.Numeric(weight), Mdc.KG));
        PumpEvent event = new PumpEvent(condition, drugLabel, rate, weight);
        return new DeviceSample(deviceId, kind(), ++sequence, timeMs, obs, Optional.of(event));
    }
}
