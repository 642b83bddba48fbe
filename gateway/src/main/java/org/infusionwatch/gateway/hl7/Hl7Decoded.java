package org.infusionwatch.gateway.hl7;

import java.util.Objects;
import org.infusionwatch.agent.model.DeviceReport;

/**
 * The outcome of decoding one HL7 message: the report (when accepted) and the ACK to send back.
 * Immutable by convention and safe to hand between threads; the {@code ack} array must not be
 * modified.
 *
 * @param controlId     MSH-10 of the message, empty if it could not be read
 * @param messageType   MSH-9 components 1 and 2, e.g. {@code ORU^R01}; empty if unknown
 * @param report        the decoded report; null unless {@link #accepted()}
 * @param ackCode       MSA-1
 * @param reason        why the message was refused (MSA-3, ERR-8); null for {@link AckCode#AA}
 * @param errorLocation ERR-2 as {@code SEG^sequence^field}, e.g. {@code OBX^3^5}; null if none
 * @param ack           the HL7 ACK, segments terminated by {@code \r}, not MLLP-framed
 * @param header        what is needed to build another ACK for the same message
 */
public record Hl7Decoded(
        String controlId,
        String messageType,
        DeviceReport report,
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
        if ((ackCode == AckCode.AA) != (report != null)) {
            throw new IllegalArgumentException("a report goes with AA and only with AA, was " + ackCode);
        }
    }

    /** True when the message was accepted ({@code AA}) and {@link #report()} is set. */
    public boolean accepted() {
        return ackCode == AckCode.AA;
    }
}
