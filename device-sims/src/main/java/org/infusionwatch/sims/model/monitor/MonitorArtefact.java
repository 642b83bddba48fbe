package org.infusionwatch.sims.model.monitor;

/**
 * Things that make a monitor's readings wrong while the patient is unchanged. While one is on, the
 * monitor reports what a real one would (and, for probe off, lead off and noise, raises the
 * technical alarm at its start and ends it at its end).
 */
public enum MonitorArtefact {
    /** SpO2 probe off the finger: SpO2 reads 62 % with a probe-off alarm active. */
    SPO2_PROBE_OFF(MonitorAlarm.SPO2_PROBE_OFF),
    /** Cold fingers: perfusion index 0.1 and SpO2 reading 70 %. */
    SPO2_LOW_PERFUSION(null),
    /** Arterial line flush: square wave, MAP 260 (300/240) mmHg. */
    ARTERIAL_FLUSH(null),
    /** Transducer open to air for zeroing: 0/0/0 mmHg. */
    ARTERIAL_ZEROING(null),
    /** Damped trace (clot, air bubble): MAP 55 with 58/53 mmHg. */
    ARTERIAL_DAMPED(null),
    /** ECG leads off: heart rate 0 with a lead-off alarm active. */
    ECG_LEAD_OFF(MonitorAlarm.ECG_LEAD_OFF),
    /** Movement, shivering: heart rate 320 with a noise alarm active. */
    ECG_NOISE(MonitorAlarm.ECG_NOISE);

    private final MonitorAlarm technicalAlarm;

    MonitorArtefact(MonitorAlarm technicalAlarm) {
        this.technicalAlarm = technicalAlarm;
    }

    /** The technical alarm the monitor raises for it, or null. */
    public MonitorAlarm technicalAlarm() {
        return technicalAlarm;
    }
}
