package org.infusionwatch.agent.model;

/**
 * One observation from a device, keyed by its IEEE 11073 MDC code (OBX-3 component 1).
 *
 * @param mdcCode   32-bit MDC code (partition x 65536 + term); 0 when the device sent a placeholder
 * @param refId     MDC reference id as sent (OBX-3 component 2), e.g. {@code MDC_PULS_OXIM_SAT_O2}
 * @param value     numeric value, {@link Double#NaN} when the value is not numeric
 * @param text      the value as text (for ST/CWE values such as a drug label or an event code)
 * @param unit      unit as sent: MDC reference id or UCUM code (OBX-6), empty if none
 * @param unitCode  MDC unit code (OBX-6 component 1) when numeric, else 0
 * @param kind      measurement or setting (OBX-17)
 * @param timeMs    event time in epoch milliseconds (OBX-14, else OBR-7, else MSH-7)
 * @param deviceId  equipment instance (OBX-18 component 1, else MSH-3 component 1)
 */
public record Observation(
        int mdcCode,
        String refId,
        double value,
        String text,
        String unit,
        int unitCode,
        ObservationKind kind,
        long timeMs,
        String deviceId) {

    public boolean isNumeric() {
        return !Double.isNaN(value);
    }
}
