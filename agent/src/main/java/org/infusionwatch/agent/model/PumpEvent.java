package org.infusionwatch.agent.model;

/**
 * An infusion event from a pump (IHE PCD-10), with the programme in effect when it happened.
 *
 * @param eventCode        MDC event code, e.g. 197288 MDC_EVT_PUMP_DELIV_START
 * @param eventRefId       MDC reference id of the event, e.g. {@code MDC_EVT_PUMP_DELIV_START}
 * @param drugLabel        MDC_DRUG_NAME_LABEL as sent; for the study product it is the blinded kit label
 * @param rateMlPerHour    programmed rate (MDC_FLOW_FLUID_PUMP), NaN when absent
 * @param concentration    drug concentration (MDC_CONC_DRUG) in {@code concentrationUnit}, NaN when absent
 * @param concentrationUnit unit of the concentration as sent, empty when absent
 * @param weightKg         patient weight programmed on the pump, NaN when absent
 * @param timeMs           event time in epoch milliseconds
 */
public record PumpEvent(
        int eventCode,
        String eventRefId,
        String drugLabel,
        double rateMlPerHour,
        double concentration,
        String concentrationUnit,
        double weightKg,
        long timeMs) {

    public static final int MDC_EVT_PUMP_DELIV_START = 197288;
    public static final int MDC_EVT_PUMP_DELIV_COMP = 197292;

    /** True for a delivery start, matched on the code or, where a device sent code 0, on the reference id. */
    public boolean isDeliveryStart() {
        return eventCode == MDC_EVT_PUMP_DELIV_START || "MDC_EVT_PUMP_DELIV_START".equals(eventRefId);
    }
}
