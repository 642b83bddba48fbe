package org.infusionwatch.agent.journal;

/**
 * One input as the journal stores it: enough to feed it through the same parser and engine again.
 *
 * @param receivedMs   wall-clock time of receipt, epoch milliseconds
 * @param kind         DEVICE_REPORT, CLINICIAN_ENTRY, TICK or REJECTED
 * @param format       wire format of {@code payload} (HL7_MLLP, MQTT_JSON, ENTRY_JSON, TICK)
 * @param origin       MQTT topic or MLLP peer; never patient data
 * @param tickMs       for ticks, the time they stand for; else 0
 * @param payload      the bytes as received (null for ticks)
 * @param rejectReason why the input was refused, else null
 */
public record JournalRecord(
        long receivedMs,
        String kind,
        String format,
        String origin,
        long tickMs,
        byte[] payload,
        String rejectReason) {
}
