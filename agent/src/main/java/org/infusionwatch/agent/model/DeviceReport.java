package org.infusionwatch.agent.model;

import java.util.List;

/**
 * Everything one device message says, decoded at the edge (HL7 or MQTT JSON) and handed to the
 * engine through the ring buffer. Immutable; safe to pass between threads.
 *
 * @param messageId     MSH-10 or the MQTT payload's {@code msgId}
 * @param kind          what the message reports
 * @param bed           bed from PV1-3 or the MQTT topic; null when the message names none
 *                      (the gateway then looks the device up in its device-to-bed table)
 * @param deviceId      the reporting device (OBX-18 of the MDS, else MSH-3)
 * @param timeMs        the message's event time (OBR-7, else MSH-7) in epoch milliseconds
 * @param observations  observations in message order
 * @param pumpEvent     the pump event for {@link ReportKind#PUMP_EVENT}, else null
 */
public record DeviceReport(
        String messageId,
        ReportKind kind,
        BedRef bed,
        String deviceId,
        long timeMs,
        List<Observation> observations,
        PumpEvent pumpEvent) {

    public DeviceReport {
        observations = List.copyOf(observations);
    }

    /** The same report placed at another bed (used when the bed comes from the device table). */
    public DeviceReport withBed(BedRef newBed) {
        return new DeviceReport(messageId, kind, newBed, deviceId, timeMs, observations, pumpEvent);
    }
}
