package org.infusionwatch.sims.model;

/**
 * The MDC terms and units the simulated devices use (codes from
 * {@code shared/hl7-samples/mdc-codes.md}).
 */
public final class Mdc {

    public static final MdcTerm VENT_MDS = new MdcTerm(70001, "MDC_DEV_SYS_PT_VENT_MDS");
    public static final MdcTerm MONITOR_MDS = new MdcTerm(69965, "MDC_DEV_MON_PHYSIO_MULTI_PARAM_MDS");
    public static final MdcTerm PUMP_LVP_MDS = new MdcTerm(70049, "MDC_DEV_PUMP_INFUS_LVP_MDS");

    public static final MdcTerm VENT_FIO2 = new MdcTerm(151720, "MDC_VENT_CONC_AWAY_O2");
    public static final MdcTerm VENT_PEEP = new MdcTerm(151804, "MDC_PRESS_AWAY_END_EXP_POS");
    public static final MdcTerm VENT_MODE = new MdcTerm(184352, "MDC_VENT_MODE");
    public static final MdcTerm VENT_RESP_RATE = new MdcTerm(151586, "MDC_VENT_RESP_RATE");

    public static final MdcTerm SPO2 = new MdcTerm(150456, "MDC_PULS_OXIM_SAT_O2");
    public static final MdcTerm ECG_HEART_RATE = new MdcTerm(147842, "MDC_ECG_HEART_RATE");
    public static final MdcTerm ART_MEAN_PRESSURE = new MdcTerm(150039, "MDC_PRESS_BLD_ART_ABP_MEAN");

    public static final MdcTerm EVT_COND = new MdcTerm(68487, "MDC_ATTR_EVT_COND");
    public static final MdcTerm EVT_PUMP_DELIV_START = new MdcTerm(197288, "MDC_EVT_PUMP_DELIV_START");
    public static final MdcTerm EVT_PUMP_DELIV_COMP = new MdcTerm(197292, "MDC_EVT_PUMP_DELIV_COMP");
    public static final MdcTerm DRUG_NAME_LABEL = new MdcTerm(184514, "MDC_DRUG_NAME_LABEL");
    public static final MdcTerm FLOW_FLUID_PUMP = new MdcTerm(157784, "MDC_FLOW_FLUID_PUMP");
    public static final MdcTerm PATIENT_WEIGHT = new MdcTerm(68063, "MDC_ATTR_PT_WEIGHT");

    public static final MdcUnit PERCENT = new MdcUnit(262688, "MDC_DIM_PERCENT", "%");
    public static final MdcUnit CM_H2O = new MdcUnit(266048, "MDC_DIM_CM_H2O", "cm[H2O]");
    public static final MdcUnit RESP_PER_MIN = new MdcUnit(264928, "MDC_DIM_RESP_PER_MIN", "{breath}/min");
    public static final MdcUnit BEAT_PER_MIN = new MdcUnit(264864, "MDC_DIM_BEAT_PER_MIN", "{beat}/min");
    public static final MdcUnit MMHG = new MdcUnit(266016, "MDC_DIM_MMHG", "mm[Hg]");
    public static final MdcUnit ML_PER_HOUR = new MdcUnit(265266, "MDC_DIM_MILLI_L_PER_HR", "mL/h");
    public static final MdcUnit KG = new MdcUnit(263875, "MDC_DIM_KILO_G", "kg");

    private Mdc() {
    }
}
