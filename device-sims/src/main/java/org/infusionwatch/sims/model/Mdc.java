package org.infusionwatch.sims.model;

/**
 * The MDC terms and units the simulated devices use (codes from
 * {@code shared/hl7-samples/mdc-codes.md}).
 */
public final class Mdc {

    public static final MdcTerm VENT_MDS = new MdcTerm(70001, "MDC_DEV_SYS_PT_VENT_MDS");
    public static final MdcTerm MONITOR_MDS = new MdcTerm(69965, "MDC_DEV_MON_PHYSIO_MULTI_PARAM_MDS");
    public static final MdcTerm PUMP_LVP_MDS = new MdcTerm(70049, "MDC_DEV_PUMP_INFUS_LVP_MDS");
    public static final MdcTerm PUMP_SYRINGE_MDS = new MdcTerm(70053, "MDC_DEV_PUMP_INFUS_SYRINGE_MDS");

    public static final MdcTerm VENT_FIO2 = new MdcTerm(151720, "MDC_VENT_CONC_AWAY_O2");
    public static final MdcTerm VENT_PEEP = new MdcTerm(151804, "MDC_PRESS_AWAY_END_EXP_POS");
    public static final MdcTerm VENT_MODE = new MdcTerm(184352, "MDC_VENT_MODE");
    public static final MdcTerm VENT_RESP_RATE = new MdcTerm(151586, "MDC_VENT_RESP_RATE");

    public static final MdcTerm SPO2 = new MdcTerm(150456, "MDC_PULS_OXIM_SAT_O2");
    public static final MdcTerm ECG_HEART_RATE = new MdcTerm(147842, "MDC_ECG_HEART_RATE");
    public static final MdcTerm ART_MEAN_PRESSURE = new MdcTerm(150039, "MDC_PRESS_BLD_ART_ABP_MEAN");
    public static final MdcTerm ART_SYSTOLIC = new MdcTerm(150037, "MDC_PRESS_BLD_ART_ABP_SYS");
    public static final MdcTerm ART_DIASTOLIC = new MdcTerm(150038, "MDC_PRESS_BLD_ART_ABP_DIA");
    public static final MdcTerm PERFUSION_INDEX = new MdcTerm(150448, "MDC_PULS_OXIM_PERF_REL");

    /** IHE PCD-04 (ACM): the alarm observation and its attributes (IHE PCD TF Rev 9 numbering). */
    public static final MdcTerm EVT_ALARM = new MdcTerm(196616, "MDC_EVT_ALARM");
    public static final MdcTerm ATTR_ALERT_SOURCE = new MdcTerm(68480, "MDC_ATTR_ALERT_SOURCE");
    public static final MdcTerm ATTR_EVENT_PHASE = new MdcTerm(68481, "MDC_ATTR_EVENT_PHASE");
    public static final MdcTerm ATTR_ALARM_STATE = new MdcTerm(68482, "MDC_ATTR_ALARM_STATE");
    public static final MdcTerm ATTR_ALARM_INACTIVATION_STATE = new MdcTerm(68483, "MDC_ATTR_ALARM_INACTIVATION_STATE");
    public static final MdcTerm ATTR_ALARM_PRIORITY = new MdcTerm(68484, "MDC_ATTR_ALARM_PRIORITY");
    public static final MdcTerm ATTR_ALERT_TYPE = new MdcTerm(68485, "MDC_ATTR_ALERT_TYPE");
    public static final MdcTerm ATTR_ALERT_TEXT = new MdcTerm(68546, "MDC_ATTR_ALERT_TEXT");

    /** Alarm events: DICOM CID 3038/3039 and the Philips nomenclature (see mdc-codes.md). */
    public static final MdcTerm EVT_ECG_V_TACHY = new MdcTerm(199832, "MDC_EVT_ECG_V_TACHY");
    public static final MdcTerm EVT_ECG_ASYSTOLE = new MdcTerm(199684, "MDC_EVT_ECG_ASYSTOLE");
    /** Philips private 3::61444, VF/VT: no public standard code for VF was found. */
    public static final MdcTerm EVT_PHILIPS_V_FIB_TACHY = new MdcTerm(258052, "NOM_EVT_ECG_V_FIB_TACHY");
    /** DICOM CID 3039 3:268 "Lead disconnected"; the reference id is our reading. */
    public static final MdcTerm EVT_LEAD_DISCONN = new MdcTerm(196876, "MDC_EVT_LEAD_DISCONN");
    /** DICOM CID 3039 3:432 "Artifact"; the reference id is our reading. */
    public static final MdcTerm EVT_ARTIFACT = new MdcTerm(197040, "MDC_EVT_ARTIFACT");
    public static final MdcTerm EVT_SENSOR_DISCONN = new MdcTerm(196916, "MDC_EVT_SENSOR_DISCONN");

    public static final MdcTerm EVT_COND = new MdcTerm(68487, "MDC_ATTR_EVT_COND");
    public static final MdcTerm EVT_PUMP_DELIV_START = new MdcTerm(197288, "MDC_EVT_PUMP_DELIV_START");
    public static final MdcTerm EVT_PUMP_DELIV_COMP = new MdcTerm(197292, "MDC_EVT_PUMP_DELIV_COMP");
    public static final MdcTerm DRUG_NAME_LABEL = new MdcTerm(184514, "MDC_DRUG_NAME_LABEL");
    public static final MdcTerm FLOW_FLUID_PUMP = new MdcTerm(157784, "MDC_FLOW_FLUID_PUMP");
    public static final MdcTerm PATIENT_WEIGHT = new MdcTerm(68063, "MDC_ATTR_PT_WEIGHT");
    public static final MdcTerm CONC_DRUG = new MdcTerm(157760, "MDC_CONC_DRUG");
    public static final MdcTerm PUMP_INFUSING_STATUS = new MdcTerm(184519, "MDC_PUMP_INFUSING_STATUS");
    public static final MdcTerm PUMP_DELIVERY_MODE = new MdcTerm(158008, "MDC_DEV_PUMP_PROGRAM_DELIVERY_MODE");

    public static final MdcUnit PERCENT = new MdcUnit(262688, "MDC_DIM_PERCENT", "%");
    public static final MdcUnit CM_H2O = new MdcUnit(266048, "MDC_DIM_CM_H2O", "cm[H2O]");
    public static final MdcUnit RESP_PER_MIN = new MdcUnit(264928, "MDC_DIM_RESP_PER_MIN", "{breath}/min");
    public static final MdcUnit BEAT_PER_MIN = new MdcUnit(264864, "MDC_DIM_BEAT_PER_MIN", "{beat}/min");
    public static final MdcUnit MMHG = new MdcUnit(266016, "MDC_DIM_MMHG", "mm[Hg]");
    public static final MdcUnit ML_PER_HOUR = new MdcUnit(265266, "MDC_DIM_MILLI_L_PER_HR", "mL/h");
    public static final MdcUnit KG = new MdcUnit(263875, "MDC_DIM_KILO_G", "kg");
    public static final MdcUnit MG_PER_ML = new MdcUnit(264306, "MDC_DIM_MILLI_G_PER_ML", "mg/mL");
    public static final MdcUnit DIMLESS = new MdcUnit(262656, "MDC_DIM_DIMLESS", "1");

    private Mdc() {
    }
}
