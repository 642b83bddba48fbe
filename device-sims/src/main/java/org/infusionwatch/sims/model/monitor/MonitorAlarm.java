package org.infusionwatch.sims.model.monitor;

import java.util.Objects;

import org.infusionwatch.sims.model.Mdc;
import org.infusionwatch.sims.model.MdcTerm;

/**
 * Alarms the simulated monitor raises over IHE PCD-04, with what a real monitor sends for each:
 * the event code, the alert source, the alert type (SP physiological, ST technical) and priority.
 */
public enum MonitorAlarm {
    VENTRICULAR_TACHYCARDIA(Mdc.EVT_ECG_V_TACHY, Mdc.ECG_HEART_RATE, "SP", "PH", "V-Tach"),
    /** Sent with the Philips private code, as a Philips monitor would: the profile's vendor table maps it. */
    VENTRICULAR_FIBRILLATION(Mdc.EVT_PHILIPS_V_FIB_TACHY, Mdc.ECG_HEART_RATE, "SP", "PH", "VFib/VTach"),
    ASYSTOLE(Mdc.EVT_ECG_ASYSTOLE, Mdc.ECG_HEART_RATE, "SP", "PH", "Asystole"),
    ECG_LEAD_OFF(Mdc.EVT_LEAD_DISCONN, Mdc.ECG_HEART_RATE, "ST", "PM", "ECG Leads Off"),
    ECG_NOISE(Mdc.EVT_ARTIFACT, Mdc.ECG_HEART_RATE, "ST", "PL", "ECG Noisy Signal"),
    SPO2_PROBE_OFF(Mdc.EVT_SENSOR_DISCONN, Mdc.SPO2, "ST", "PM", "SpO2 Probe Off");

    private final MdcTerm event;
    private final MdcTerm source;
    private final String type;
    private final String priority;
    private final String text;

    MonitorAlarm(MdcTerm event, MdcTerm source, String type, String priority, String text) {
        this.event = Objects.requireNonNull(event);
        this.source = source;
        this.type = type;
        this.priority = priority;
        this.text = text;
    }

    public MdcTerm event() {
        return event;
    }

    /** The measurement the alarm is about (MDC_ATTR_ALERT_SOURCE). */
    public MdcTerm source() {
        return source;
    }

    /** MDC_ATTR_ALERT_TYPE: {@code SP} physiological or {@code ST} technical. */
    public String type() {
        return type;
    }

    /** MDC_ATTR_ALARM_PRIORITY: {@code PH}, {@code PM}, {@code PL}. */
    public String priority() {
        return priority;
    }

    /** MDC_ATTR_ALERT_TEXT as shown on the monitor. */
    public String text() {
        return text;
    }
}
