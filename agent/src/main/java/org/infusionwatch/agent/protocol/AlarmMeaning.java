package org.infusionwatch.agent.protocol;

/**
 * What a monitor alarm (IHE PCD-04) means to the rules. Arrhythmias raise LETHAL_ARRHYTHMIA; the
 * technical ones never raise anything: they mark samples as artefacts and arrhythmia alerts as
 * doubtful.
 */
public enum AlarmMeaning {
    VENTRICULAR_TACHYCARDIA("ventricular tachycardia", true),
    VENTRICULAR_FIBRILLATION("ventricular fibrillation", true),
    ASYSTOLE("asystole", true),
    ECG_LEAD_OFF("ECG lead off", false),
    ECG_NOISE("ECG noise", false),
    SPO2_PROBE_OFF("SpO2 probe off", false),
    /** A sensor-disconnected alarm: lead off or probe off depending on its source (MDC_ATTR_ALERT_SOURCE). */
    SENSOR_DISCONNECTED("sensor disconnected", false);

    private final String words;
    private final boolean lethalArrhythmia;

    AlarmMeaning(String words, boolean lethalArrhythmia) {
        this.words = words;
        this.lethalArrhythmia = lethalArrhythmia;
    }

    /** Plain words for evidence, e.g. "ventricular tachycardia". */
    public String words() {
        return words;
    }

    public boolean isLethalArrhythmia() {
        return lethalArrhythmia;
    }
}
