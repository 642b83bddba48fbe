package org.infusionwatch.agent.engine;

import java.util.List;
import java.util.Objects;
import org.infusionwatch.agent.model.DeviceReport;
import org.infusionwatch.agent.model.Observation;
import org.infusionwatch.agent.model.ObservationKind;
import org.infusionwatch.agent.model.PumpEvent;
import org.infusionwatch.agent.model.ReportKind;
import org.infusionwatch.agent.protocol.AlarmMeaning;
import org.infusionwatch.agent.protocol.ArtefactLimits;
import org.infusionwatch.agent.protocol.EarlyWarningLimits;
import org.infusionwatch.agent.protocol.ProtocolProfile;
import org.infusionwatch.agent.protocol.VentMode;

/**
 * Applies one device report to a bed's state: ventilator settings and mode, vital signs (after
 * the artefact checks), vasopressor pump channels, monitor alarms, and when each monitored device
 * last reported. This is the engine's hot path: it walks the report's observations by index,
 * keeps per-report context in fields, compares strings in place and allocates nothing.
 *
 * <p>Artefacts, set aside and counted, never used by a rule: a sample outside its physiological
 * range; SpO2 while a probe-off alarm is active or with a low perfusion index in the same report;
 * heart rate while an ECG lead-off or noise alarm is active; an arterial mean pressure that
 * reads as zeroing, a flush or a damped trace; a repeated or out-of-order sample.
 *
 * <p>Owned by the engine thread (not thread-safe: per-report context lives in fields).
 */
final class ReportApplier {
    private static final int ML_PER_HOUR = 265266;
    private static final int KILOGRAM = 263875;

    private final ArtefactLimits limits;
    private final EarlyWarningLimits warnings;
    private final ProtocolProfile profile;
    private final AlarmReader alarms;

    // Context of the report being applied.
    private double perfusionIndex;
    private double arterialSystolic;
    private double arterialDiastolic;
    private int channel;
    private String channelDevice;
    private long pumpTimeMs;
    private String lastModeText;
    private VentMode lastMode = VentMode.UNKNOWN;

    ReportApplier(ProtocolProfile profile) {
        this.profile = profile;
        this.limits = profile.artefacts();
        this.warnings = profile.earlyWarnings();
        this.alarms = new AlarmReader(profile.alarmCodes());
    }

    void apply(BedState bed, DeviceReport report) {
        List<Observation> observations = report.observations();
        boolean alarmAttributes = readContext(observations);
        // Alarms first: a lead-off in this very report makes its heart rate an artefact.
        if (report.kind() == ReportKind.ALARM || alarmAttributes) {
            alarms.read(bed, observations);
        }
        boolean pumpEvent = report.kind() == ReportKind.PUMP_EVENT;
        channel = -1;
        channelDevice = null;
        pumpTimeMs = Long.MIN_VALUE;
        for (int i = 0; i < observations.size(); i++) {
            Observation o = observations.get(i);
            int code = o.mdcCode();
            switch (code) {
                case Signals.SET_FIO2 -> {
                    if (o.kind() == ObservationKind.SETTING && o.isNumeric()) {
                        if (bed.setFio2.record(o.timeMs(), Signals.fio2Fraction(o.value()))) {
                            bed.ventilationChanges++;
                        }
                        bed.devices.seen(o.deviceId(), o.timeMs());
                    }
                }
                case Signals.PEEP -> {
                    if (o.kind() == ObservationKind.SETTING && o.isNumeric()) {
                        if (bed.setPeep.record(o.timeMs(), o.value())) {
                            bed.ventilationChanges++;
                        }
                        bed.devices.seen(o.deviceId(), o.timeMs());
                    }
                }
                case Signals.VENT_MODE -> ventMode(bed, o);
                case Signals.SPO2 -> {
                    if (o.kind() == ObservationKind.MEASUREMENT && o.isNumeric()) {
                        spo2(bed, o.timeMs(), o.value());
                        bed.devices.seen(o.deviceId(), o.timeMs());
                    }
                }
                case Signals.ECG_HEART_RATE -> {
                    if (o.kind() == ObservationKind.MEASUREMENT && o.isNumeric()) {
                        heartRate(bed, o.timeMs(), o.value());
                        bed.devices.seen(o.deviceId(), o.timeMs());
                    }
                }
                case Signals.ART_ABP_MEAN, Signals.ART_MEAN -> {
                    if (o.kind() == ObservationKind.MEASUREMENT && o.isNumeric()) {
                        arterialMean(bed, o.timeMs(), o.value());
                        bed.devices.seen(o.deviceId(), o.timeMs());
                    }
                }
                default -> {
                    if (!pumpEvent) {
                        pumpObservation(bed, o);
                    }
                }
            }
            bed.advanceTo(o.timeMs());
        }
        if (channel >= 0) {
            bed.vasopressors.recompute(pumpTimeMs);
        }
    }

    /** A pump's delivery start or complete (PCD-10) for a drug that is not the study product. */
    void applyPumpEvent(BedState bed, PumpEvent event, String deviceId) {
        boolean start = event.isDeliveryStart();
        if (!start && event.eventCode() != PumpEvent.MDC_EVT_PUMP_DELIV_COMP) {
            return;
        }
        int ch = bed.vasopressors.channel(deviceId, event.timeMs());
        bed.vasopressors.label(ch, event.drugLabel());
        if (!Double.isNaN(event.rateMlPerHour())) {
            bed.vasopressors.rate(ch, event.rateMlPerHour());
        }
        if (!Double.isNaN(event.concentration())) {
            bed.vasopressors.concentration(ch, event.concentration(), 0, event.concentrationUnit());
        }
        if (!Double.isNaN(event.weightKg())) {
            bed.vasopressors.weight(ch, event.weightKg());
        }
        bed.vasopressors.delivering(ch, start);
        bed.vasopressors.recompute(event.timeMs());
    }

    /**
     * Reads what the report's samples are judged by (perfusion index, arterial systolic and
     * diastolic pressure); true when it also carries alarm attributes (ACM), so that its alarms must
     * be read. One pass, the first over a report the engine has not touched yet.
     */
    private boolean readContext(List<Observation> observations) {
        perfusionIndex = Double.NaN;
        arterialSystolic = Double.NaN;
        arterialDiastolic = Double.NaN;
        boolean alarmAttributes = false;
        for (int i = 0; i < observations.size(); i++) {
            Observation o = observations.get(i);
            switch (o.mdcCode()) {
                case Signals.PERFUSION_INDEX -> perfusionIndex = o.value();
                case Signals.ART_ABP_SYS, Signals.ART_SYS -> arterialSystolic = o.value();
                case Signals.ART_ABP_DIA, Signals.ART_DIA -> arterialDiastolic = o.value();
                default -> { }
            }
            alarmAttributes |= AlarmReader.isPhase(o);
        }
        return alarmAttributes;
    }

    private void ventMode(BedState bed, Observation o) {
        String text = o.text();
        if (text == null || !text.equals(lastModeText)) {
            // Ventilators repeat their mode in every report: look a label up only when it changes.
            lastModeText = text;
            lastMode = profile.ventModes().lookup(text);
        }
        VentMode mode = lastMode;
        if (bed.ventMode.record(o.timeMs(), mode.level())) {
            bed.ventilationChanges++;
        }
        if (!Objects.equals(text, bed.lastModeLabel)) {
            // Written only on change: each report's label is a new string, and storing it into
            // the bed's long-lived state would cost the garbage collector at every report.
            bed.lastModeLabel = text;
        }
        bed.devices.seen(o.deviceId(), o.timeMs());
    }

    private void spo2(BedState bed, long t, double v) {
        ArtefactKind problem = bed.spo2.orderProblem(t);
        if (problem == null) {
            if (v < limits.spo2Min() || v > limits.spo2Max()) {
                problem = ArtefactKind.SPO2_OUT_OF_RANGE;
            } else if (bed.alarms.isActive(AlarmMeaning.SPO2_PROBE_OFF, t)) {
                problem = ArtefactKind.SPO2_PROBE_OFF;
            } else if (perfusionIndex < limits.minPerfusionIndex()) {
                problem = ArtefactKind.SPO2_LOW_PERFUSION;
            }
            if (problem == null) {
                if (bed.spo2.accept(t, v, v < warnings.spo2BelowPercent())) {
                    bed.earlyWarningRuns++;
                }
                return;
            }
            bed.spo2.skip(t);
        }
        bed.artefacts.record(problem, t);
    }

    private void heartRate(BedState bed, long t, double v) {
        ArtefactKind problem = bed.heartRate.orderProblem(t);
        if (problem == null) {
            if (bed.alarms.isActive(AlarmMeaning.ECG_LEAD_OFF, t)) {
                problem = ArtefactKind.ECG_LEAD_OFF;
            } else if (bed.alarms.isActive(AlarmMeaning.ECG_NOISE, t)) {
                problem = ArtefactKind.ECG_NOISE;
            } else if (v < limits.heartRateMin() || v > limits.heartRateMax()) {
                problem = ArtefactKind.HEART_RATE_OUT_OF_RANGE;
            }
            if (problem == null) {
                if (bed.heartRate.accept(t, v, v > warnings.heartRateAbove() || v < warnings.heartRateBelow())) {
                    bed.earlyWarningRuns++;
                }
                return;
            }
            bed.heartRate.skip(t);
        }
        bed.artefacts.record(problem, t);
    }

    private void arterialMean(BedState bed, long t, double v) {
        ArtefactKind problem = bed.arterialMean.orderProblem(t);
        if (problem == null) {
            if (v < limits.arterialMeanMin()) {
                problem = ArtefactKind.ARTERIAL_ZEROING;
            } else if (v > limits.arterialMeanMax() || arterialSystolic > limits.arterialSystolicMax()) {
                problem = ArtefactKind.ARTERIAL_FLUSH;
            } else if (arterialSystolic - arterialDiastolic < limits.minPulsePressure()) {
                problem = ArtefactKind.ARTERIAL_DAMPED;
            }
            if (problem == null) {
                if (bed.arterialMean.accept(t, v, v < warnings.mapBelowMmHg())) {
                    bed.earlyWarningRuns++;
                }
                return;
            }
            bed.arterialMean.skip(t);
        }
        bed.artefacts.record(problem, t);
    }

    /** Pump programme and state (PCD-01 of a vasopressor pump, or of a pump in a station report). */
    private void pumpObservation(BedState bed, Observation o) {
        int code = o.mdcCode();
        String ref = o.refId();
        VasopressorState v = bed.vasopressors;
        if (Signals.is(code, ref, Signals.DRUG_NAME_LABEL, Signals.DRUG_NAME_LABEL_REF)) {
            v.label(channelOf(bed, o), o.text());
        } else if (Signals.is(code, ref, Signals.FLOW_FLUID_PUMP, Signals.FLOW_FLUID_PUMP_REF)) {
            if (o.isNumeric() && isMlPerHour(o)) {
                v.rate(channelOf(bed, o), o.value());
            }
        } else if (Signals.is(code, ref, Signals.FLOW_FLUID_PUMP_CURRENT, Signals.FLOW_FLUID_PUMP_CURRENT_REF)) {
            if (o.isNumeric() && isMlPerHour(o)) {
                v.currentRate(channelOf(bed, o), o.value());
            }
        } else if (Signals.is(code, ref, Signals.CONC_DRUG, Signals.CONC_DRUG_REF)) {
            if (o.isNumeric()) {
                v.concentration(channelOf(bed, o), o.value(), o.unitCode(), o.unit());
            }
        } else if (Signals.is(code, ref, Signals.PT_WEIGHT, Signals.PT_WEIGHT_REF)) {
            if (o.isNumeric() && (o.unitCode() == KILOGRAM || o.unitCode() == 0)) {
                v.weight(channelOf(bed, o), o.value());
            }
        } else if (Signals.is(code, ref, Signals.PUMP_INFUSING_STATUS, Signals.PUMP_INFUSING_STATUS_REF)
                || Signals.is(code, ref, Signals.PUMP_DELIVERY_STATUS, Signals.PUMP_DELIVERY_STATUS_REF)) {
            v.status(channelOf(bed, o), o.text());
        } else if (Signals.is(code, ref, Signals.PUMP_DELIVERY_MODE, Signals.PUMP_DELIVERY_MODE_REF)) {
            v.deliveryMode(channelOf(bed, o), o.text());
        } else if (Signals.is(code, ref, Signals.RATE_DOSE, Signals.RATE_DOSE_REF)) {
            if (o.isNumeric()) {
                v.reportedDoseRate(channelOf(bed, o), o.value(), o.unitCode(), o.unit());
            }
        }
    }

    /** The channel of the observation's pump: a station report carries several pumps, one OBX-18 each. */
    private int channelOf(BedState bed, Observation o) {
        if (channel < 0 || !o.deviceId().equals(channelDevice)) {
            channel = bed.vasopressors.channel(o.deviceId(), o.timeMs());
            channelDevice = o.deviceId();
        }
        pumpTimeMs = Math.max(pumpTimeMs, o.timeMs());
        return channel;
    }

    private static boolean isMlPerHour(Observation o) {
        return o.unitCode() == ML_PER_HOUR || o.unitCode() == 0
                && (o.unit().isEmpty() || "MDC_DIM_MILLI_L_PER_HR".equals(o.unit()) || "mL/h".equals(o.unit()));
    }
}
