package org.infusionwatch.gateway.hl7;

import java.util.Objects;
import org.infusionwatch.agent.model.ClinicianEntry;
import org.infusionwatch.agent.model.DeviceReport;

/**
 * The outcome of decoding one HL7 message: what it says when accepted (a device report, or a
 * clinician entry from a charting system) and the ACK to send back.
 * Immutable by convention and safe to hand between threads; the {@code ack} array must not be
 * modified.
 *
 * @param controlId     MSH-10 of the message, empty if it could not be read
 * @param messageType   MSH-9 components 1 and 2, e.g. {@code ORU^R01}; empty if unknown
 * @param report        the decoded device report; null unless {@link #accepted()} and not an entry
 * @param entry         the decoded clinician entry; null unless {@link #accepted()} and not a report
 * @param ackCode       MSA-1
 * @param reason        why the message was refused (MSA-3, ERR-8); null for {@link AckCode#AA}
 * @param errorLocation ERR-2 as {@code SEG^sequence^field}, e.g. {@code OBX^3^5}; null if none
 * @param ack           the HL7 ACK, segments terminated by {@code \r}, not MLLP-framed; empty when a
 *                      recorded message was decoded ({@code FastPcdDecoder#decodeRecorded})
 * @param header        what is needed to build another ACK for the same message
 */
public record Hl7Decoded(
        String controlId,
        String messageType,
        DeviceReport report,
        ClinicianEntry entry,
        AckCode ackCode,
        String reason,
        String errorLocation,
        byte[] ack,
        AckHeader header) {

    public Hl7Decoded {
        controlId = controlId == null ? "" : controlId;
        messageType = messageType == null ? "" : messageType;
        Objects.requireNonNull(ackCode, "ackCode");
        Objects.requireNonNull(ack, "ack");
        Objects.requireNonNull(header, "header");
        if ((ackCode == AckCode.AA) != (report != null || entry != null) || (report != null && entry != null)) {
            throw new IllegalArgumentException("a report or an entry (not both) goes with AA and only with AA, was "
                    + ackCode);
        }
    }

    /** True when the message was accepted ({@code AA}): {@link #report()} or {@link #entry()} is set. */
    public boolean accepted() {
        return ackCode == AckCode.AA;
    }

    /** True when the message was accepted and is a clinician entry. */
    public boolean isEntry() {
        return entry != null;
    }
}
