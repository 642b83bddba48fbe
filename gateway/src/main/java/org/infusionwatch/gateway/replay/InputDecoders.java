package org.infusionwatch.gateway.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.infusionwatch.agent.journal.JournalRecord;
import org.infusionwatch.agent.model.DeviceReport;
import org.infusionwatch.agent.pipeline.InputSource;
import org.infusionwatch.gateway.DeviceDirectory;
import org.infusionwatch.gateway.hl7.Hl7Decoded;
import org.infusionwatch.gateway.hl7.fast.FastPcdDecoder;
import org.infusionwatch.gateway.mqtt.AlertActionPayloadDecoder;
import org.infusionwatch.gateway.mqtt.EntryPayloadDecoder;
import org.infusionwatch.gateway.mqtt.ObservationPayloadDecoder;
import org.infusionwatch.gateway.mqtt.PayloadException;

/**
 * Reads recorded inputs with the same decoders the live edges use, so that a replay or a restart
 * sees exactly what the engine saw. Not thread-safe (one HL7 decoder inside).
 */
public final class InputDecoders {
    private final FastPcdDecoder hl7;
    private final ObservationPayloadDecoder observations;
    private final EntryPayloadDecoder entries;
    private final AlertActionPayloadDecoder actions;
    private final DeviceDirectory devices;

    public InputDecoders(DeviceDirectory devices) {
        ObjectMapper json = new ObjectMapper();
        // The MLLP edge's own decoder: the byte-level scanner, with HAPI behind it for everything
        // else (FastPcdDecoderDifferentialTest holds the two to the same reading).
        this.hl7 = new FastPcdDecoder(Clock.systemUTC(), "INFUSIONWATCH");
        this.observations = new ObservationPayloadDecoder(json);
        this.entries = new EntryPayloadDecoder(json);
        this.actions = new AlertActionPayloadDecoder(json);
        this.devices = devices;
    }

    /** A journal row as the engine saw it when it arrived. */
    public RecordedInput fromJournal(JournalRecord r) {
        switch (r.kind()) {
            case "TICK":
                return new RecordedInput.Tick(r.tickMs());
            case "REJECTED":
                return new RecordedInput.Skipped(r.rejectReason());
            default:
                break;
        }
        InputSource.Format format = InputSource.Format.valueOf(r.format());
        try {
            return switch (format) {
                case HL7_MLLP -> hl7(r.payload());
                case MQTT_JSON -> new RecordedInput.Report(observations.decode(r.origin(), r.payload()));
                case ENTRY_JSON -> new RecordedInput.Entry(entries.decode(r.origin(), r.payload()));
                case ACTION_JSON -> new RecordedInput.Action(actions.decode(r.origin(), r.payload()));
                case TICK -> new RecordedInput.Tick(r.tickMs());
            };
        } catch (PayloadException e) {
            return new RecordedInput.Skipped(e.getMessage());
        }
    }

    /** One HL7 message (no MLLP framing): a device report or a charting system's clinician entry. */
    public RecordedInput hl7(byte[] message) {
        Hl7Decoded d = hl7.decodeRecorded(message);
        if (!d.accepted()) {
            return new RecordedInput.Skipped(d.ackCode() + " " + d.reason());
        }
        if (d.isEntry()) {
            return new RecordedInput.Entry(d.entry());
        }
        DeviceReport placed = devices.placed(d.report());
        return placed == null ? new RecordedInput.Skipped("no bed for device " + d.report().deviceId())
                : new RecordedInput.Report(placed);
    }
}
