package org.infusionwatch.agent.engine;

/**
 * MDC codes (IEEE 11073-10101) the rules read, with the reference ids for devices that send the
 * placeholder code 0 (IHE IPEC example, B. Braun pillar attributes). Numbers are partition x 65536
 * + term code; codes from shared/hl7-samples/mdc-codes.md. The setting codes follow IHE PCD TF
 * Vol 3 table 7.2.2-1, where OBX-17 tells a setting from a measurement.
 */
final class Signals {
    /** Set FiO2, MDC_VENT_CONC_AWAY_O2 (2::20648). */
    static final int SET_FIO2 = 151720;
    /** PEEP, MDC_PRESS_AWAY_END_EXP_POS (2::20732); a setting when OBX-17 says so. */
    static final int PEEP = 151804;
    /** MDC_VENT_MODE (2::53280), an enumeration such as {@code ^vent-mode-insp-assist}. */
    static final int VENT_MODE = 184352;

    static final int SPO2 = 150456;
    /** MDC_PULS_OXIM_PERF_REL, perfusion index. */
    static final int PERFUSION_INDEX = 150448;
    /** MDC_ECG_HEART_RATE / MDC_ECG_CARD_BEAT_RATE (same number). */
    static final int ECG_HEART_RATE = 147842;
    static final int ART_ABP_SYS = 150037;
    static final int ART_ABP_DIA = 150038;
    static final int ART_ABP_MEAN = 150039;
    static final int ART_SYS = 150033;
    static final int ART_DIA = 150034;
    static final int ART_MEAN = 150035;

    static final int DRUG_NAME_LABEL = 184514;
    static final String DRUG_NAME_LABEL_REF = "MDC_DRUG_NAME_LABEL";
    static final int FLOW_FLUID_PUMP = 157784;
    static final String FLOW_FLUID_PUMP_REF = "MDC_FLOW_FLUID_PUMP";
    static final int FLOW_FLUID_PUMP_CURRENT = 158014;
    static final String FLOW_FLUID_PUMP_CURRENT_REF = "MDC_FLOW_FLUID_PUMP_CURRENT";
    static final int CONC_DRUG = 157760;
    static final String CONC_DRUG_REF = "MDC_CONC_DRUG";
    static final int PT_WEIGHT = 68063;
    static final String PT_WEIGHT_REF = "MDC_ATTR_PT_WEIGHT";
    static final int PUMP_INFUSING_STATUS = 184519;
    static final String PUMP_INFUSING_STATUS_REF = "MDC_PUMP_INFUSING_STATUS";
    static final int PUMP_DELIVERY_STATUS = 158005;
    static final String PUMP_DELIVERY_STATUS_REF = "MDC_DEV_PUMP_CURRENT_DELIVERY_STATUS";
    static final int PUMP_DELIVERY_MODE = 158008;
    static final String PUMP_DELIVERY_MODE_REF = "MDC_DEV_PUMP_PROGRAM_DELIVERY_MODE";
    static final int RATE_DOSE = 157924;
    static final String RATE_DOSE_REF = "MDC_RATE_DOSE";
    static final int MILLI_G_PER_ML = 264306;
    static final int MICRO_G_PER_KG_PER_MIN = 265619;

    /** MDC_EVT_ALARM (3::8): OBX-3 of PCD-04 alarms whose OBX-5 carries the event code. */
    static final int EVT_ALARM = 196616;
    static final int EVENT_PARTITION = 3;
    /** ACM attributes: IHE TF Rev 9 / B. Braun / Draeger numbers, and the hRTM 2016 / GE ones. */
    static final int ATTR_ALERT_SOURCE = 68480;
    static final int ATTR_ALERT_SOURCE_2016 = 68164;
    static final int ATTR_EVENT_PHASE = 68481;
    static final int ATTR_EVENT_PHASE_2016 = 68165;
    static final int ATTR_ALARM_STATE = 68482;
    static final int ATTR_ALARM_STATE_2016 = 68166;
    static final String ATTR_ALERT_SOURCE_REF = "MDC_ATTR_ALERT_SOURCE";
    static final String ATTR_EVENT_PHASE_REF = "MDC_ATTR_EVENT_PHASE";
    static final String ATTR_ALARM_STATE_REF = "MDC_ATTR_ALARM_STATE";
    static final String ATTR_ALERT_STATE_REF = "MDC_ATTR_ALERT_STATE";

    private Signals() {
    }

    /** FiO2 arrives as a percentage (21-100) or as a fraction (0.21-1.0); rules work in fractions. */
    static double fio2Fraction(double value) {
        return value > 1.0 ? value / 100.0 : value;
    }

    /** True when the observation is {@code code}, or carries code 0 (pending) with {@code refId}. */
    static boolean is(int mdcCode, String refId, int code, String codeRefId) {
        return mdcCode == code || (mdcCode == 0 && codeRefId.equals(refId));
    }
}
