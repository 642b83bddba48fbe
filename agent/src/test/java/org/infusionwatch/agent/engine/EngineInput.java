package org.infusionwatch.agent.engine;

import java.util.ArrayList;
import java.util.List;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.agent.model.ClinicianEntry;
import org.infusionwatch.agent.model.DeviceReport;
import org.infusionwatch.agent.model.Observation;
import org.infusionwatch.agent.model.ObservationKind;
import org.infusionwatch.agent.model.PumpEvent;
import org.infusionwatch.agent.model.ReportKind;

/** Builds device reports and entries for engine tests, in minutes after a fixed epoch. */
final class EngineInput {
    static final long EPOCH_MS = 1_800_000_000_000L;
    static final BedRef BED = new BedRef("ICU-A", "BED01");
    private static int counter;

    private EngineInput() {
    }

    static long at(double minutes) {
        return EPOCH_MS + Math.round(minutes * 60_000L);
    }

    static DeviceReport ventilator(BedRef bed, double minutes, double fio2Percent, double peep) {
        long t = at(minutes);
        List<Observation> obs = new ArrayList<>();
        obs.add(setting(Signals.SET_FIO2, "MDC_VENT_CONC_AWAY_O2", fio2Percent, "MDC_DIM_PERCENT", 262688, t, "VENT-" + bed.bed()));
        obs.add(setting(Signals.PEEP, "MDC_PRESS_AWAY_END_EXP_POS", peep, "MDC_DIM_CM_H2O", 266048, t, "VENT-" + bed.bed()));
        return report(bed, "VENT-" + bed.bed(), t, ReportKind.OBSERVATIONS, obs);
    }

    static DeviceReport ventMode(BedRef bed, double minutes, String modeLabel) {
        long t = at(minutes);
        return report(bed, "VENT-" + bed.bed(), t, ReportKind.OBSERVATIONS, List.of(new Observation(Signals.VENT_MODE,
                "MDC_VENT_MODE", Double.NaN, modeLabel, "", 0, ObservationKind.SETTING, t, "VENT-" + bed.bed())));
    }

    /** A monitor report with SpO2, heart rate and MAP (NaN leaves one out). */
    static DeviceReport monitor(BedRef bed, double minutes, double spo2, double heartRate, double map) {
        return monitorWith(bed, minutes, spo2, heartRate, map, new double[0][]);
    }

    /** A monitor report with extra numeric observations: {code, value} pairs. */
    static DeviceReport monitorWith(BedRef bed, double minutes, double spo2, double heartRate, double map, double[]... extra) {
        long t = at(minutes);
        String dev = "MON-" + bed.bed();
        List<Observation> obs = new ArrayList<>();
        if (!Double.isNaN(spo2)) {
            obs.add(measurement(Signals.SPO2, "MDC_PULS_OXIM_SAT_O2", spo2, t, dev));
        }
        if (!Double.isNaN(heartRate)) {
            obs.add(measurement(Signals.ECG_HEART_RATE, "MDC_ECG_HEART_RATE", heartRate, t, dev));
        }
        if (!Double.isNaN(map)) {
            obs.add(measurement(Signals.ART_ABP_MEAN, "MDC_PRESS_BLD_ART_ABP_MEAN", map, t, dev));
        }
        for (double[] e : extra) {
            obs.add(measurement((int) e[0], "", e[1], t, dev));
        }
        return report(bed, dev, t, ReportKind.OBSERVATIONS, obs);
    }

    /** A vasopressor pump's PCD-01 report: label, concentration (mg/mL), rate (mL/h), weight, status, mode. */
    static DeviceReport vasopressorPump(BedRef bed, double minutes, String device, String label, double mgPerMl,
                                        double mlPerHour, double weightKg, String status, String mode) {
        long t = at(minutes);
        List<Observation> obs = new ArrayList<>();
        obs.add(text(Signals.PUMP_INFUSING_STATUS, "MDC_PUMP_INFUSING_STATUS", status, t, device));
        obs.add(text(Signals.DRUG_NAME_LABEL, "MDC_DRUG_NAME_LABEL", label, t, device));
        obs.add(new Observation(Signals.FLOW_FLUID_PUMP, "MDC_FLOW_FLUID_PUMP", mlPerHour, "", "MDC_DIM_MILLI_L_PER_HR",
                265266, ObservationKind.MEASUREMENT, t, device));
        obs.add(new Observation(Signals.CONC_DRUG, "MDC_CONC_DRUG", mgPerMl, "", "MDC_DIM_MILLI_G_PER_ML", 264306,
                ObservationKind.MEASUREMENT, t, device));
        if (!Double.isNaN(weightKg)) {
            obs.add(new Observation(Signals.PT_WEIGHT, "MDC_ATTR_PT_WEIGHT", weightKg, "", "MDC_DIM_KILO_G", 263875,
                    ObservationKind.MEASUREMENT, t, device));
        }
        obs.add(text(Signals.PUMP_DELIVERY_MODE, "MDC_DEV_PUMP_PROGRAM_DELIVERY_MODE", mode, t, device));
        return report(bed, device, t, ReportKind.OBSERVATIONS, obs);
    }

    static DeviceReport vasopressor(BedRef bed, double minutes, String device, String label, double mgPerMl, double mlPerHour) {
        return vasopressorPump(bed, minutes, device, label, mgPerMl, mlPerHour, 80, "pump-status-infusing",
                "pump-program-delivery-mode-continuous");
    }

    /**
     * A PCD-04 alarm shaped like the IHE TF / B. Braun samples: MDC_EVT_ALARM with the event code
     * in OBX-5, then source, phase and state.
     */
    static DeviceReport alarm(BedRef bed, double minutes, String eventCode, String source, String phase) {
        long t = at(minutes);
        String dev = "MON-" + bed.bed();
        List<Observation> obs = List.of(
                text(Signals.EVT_ALARM, "MDC_EVT_ALARM", eventCode, t, dev),
                text(Signals.ATTR_ALERT_SOURCE, "MDC_ATTR_ALERT_SOURCE", source, t, dev),
                text(Signals.ATTR_EVENT_PHASE, "MDC_ATTR_EVENT_PHASE", phase, t, dev),
                text(Signals.ATTR_ALARM_STATE, "MDC_ATTR_ALARM_STATE", phase.equals("end") ? "inactive" : "active", t, dev));
        return report(bed, dev, t, ReportKind.ALARM, obs);
    }

    static DeviceReport pump(BedRef bed, double minutes, int eventCode, String label) {
        long t = at(minutes);
        PumpEvent e = new PumpEvent(eventCode, "", label, 100, Double.NaN, "", 80, t);
        return new DeviceReport("P" + (++counter), ReportKind.PUMP_EVENT, bed, "PUMP-" + bed.bed(), t, List.of(), e);
    }

    static DeviceReport studyStart(BedRef bed, double minutes) {
        return pump(bed, minutes, PumpEvent.MDC_EVT_PUMP_DELIV_START, "STUDY-PRODUCT KIT-0042");
    }

    static DeviceReport studyComplete(BedRef bed, double minutes) {
        return pump(bed, minutes, PumpEvent.MDC_EVT_PUMP_DELIV_COMP, "STUDY-PRODUCT KIT-0042");
    }

    static ClinicianEntry entry(BedRef bed, double minutes, ClinicianEntry.Type type, String note) {
        return new ClinicianEntry("E" + (++counter), bed, type, at(minutes), "nurse-17", note);
    }

    static DeviceReport report(BedRef bed, String device, long t, ReportKind kind, List<Observation> obs) {
        return new DeviceReport(device + "-" + (++counter), kind, bed, device, t, obs, null);
    }

    static Observation measurement(int code, String refId, double value, long t, String device) {
        return new Observation(code, refId, value, "", "", 0, ObservationKind.MEASUREMENT, t, device);
    }

    static Observation setting(int code, String refId, double value, String unit, int unitCode, long t, String device) {
        return new Observation(code, refId, value, "", unit, unitCode, ObservationKind.SETTING, t, device);
    }

    static Observation text(int code, String refId, String text, long t, String device) {
        return new Observation(code, refId, Double.NaN, text, "", 0, ObservationKind.MEASUREMENT, t, device);
    }
}
