package org.infusionwatch.gateway.hl7;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.v26.message.ACK;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.Terser;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Builds HL7 ACKs with HAPI's v2.6 {@link ACK} structure and encodes them with the pipe parser:
 * {@code MSH|^~\&|{receivingApplication}|{MSH-6}|{MSH-3}|{MSH-4}|{now}||ACK^{trigger}^ACK|{new id}|{MSH-11}|{MSH-12}},
 * {@code MSA|{code}|{MSH-10}|{reason}} and, for AE/AR, {@code ERR} with location (ERR-2), HL7
 * error code (ERR-3, table 0357), severity E (ERR-4) and the reason (ERR-8).
 *
 * <p>Not thread-safe: it numbers the ACKs it writes (MSH-10).
 */
final class AckWriter {

    private static final DateTimeFormatter DTM =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss.SSSZ").withZone(ZoneOffset.UTC);
    private static final int ID_RADIX = 36;
    private static final int INSTANCE_TAG_RANGE = 36 * 36 * 36 * 36;
    private static final long SEQUENCE_RANGE = 36L * 36 * 36 * 36 * 36 * 36;

    private final PipeParser parser;
    private final Clock clock;
    private final String receivingApplication;
    /** Keeps ids of ACKs written in the same millisecond by different connections apart. */
    private final String instanceTag;
    private long sequence;

    AckWriter(PipeParser parser, Clock clock, String receivingApplication) {
        this.parser = parser;
        this.clock = clock;
        this.receivingApplication = receivingApplication;
        String tag = Integer.toString(ThreadLocalRandom.current().nextInt(INSTANCE_TAG_RANGE), ID_RADIX);
        this.instanceTag = "0".repeat(4 - tag.length()) + tag;
    }

    /**
     * @param errorCode ignored for AA
     * @return the encoded ACK, segments terminated by {@code \r}, in the header's charset
     */
    byte[] write(AckHeader header, String controlId, AckCode code, String reason, String errorLocation,
                 ErrorCode errorCode) {
        try {
            ACK ack = new ACK();
            ack.setParser(parser);
            writeMsh(ack, header);
            Segment msa = ack.getMSA();
            Terser.set(msa, 1, 0, 1, 1, code.name());
            Terser.set(msa, 2, 0, 1, 1, controlId);
            if (code != AckCode.AA) {
                Terser.set(msa, 3, 0, 1, 1, reason);
                writeErr(ack.getERR(), reason, errorLocation, errorCode);
            }
            return parser.encode(ack).getBytes(header.charset());
        } catch (HL7Exception e) {
            // Only fixed structure paths are set above, so this is a programming error.
            throw new IllegalStateException("cannot build HL7 ACK", e);
        }
    }

    private void writeMsh(ACK ack, AckHeader header) throws HL7Exception {
        ack.getMSH().getFieldSeparator().setValue("|");
        ack.getMSH().getEncodingCharacters().setValue("^~\\&");
        Segment msh = ack.getMSH();
        Terser.set(msh, 3, 0, 1, 1, receivingApplication);
        setComponents(msh, 4, header.receivingFacility());
        setComponents(msh, 5, header.sendingApplication());
        setComponents(msh, 6, header.sendingFacility());
        Terser.set(msh, 7, 0, 1, 1, DTM.format(clock.instant()));
        Terser.set(msh, 9, 0, 1, 1, "ACK");
        Terser.set(msh, 9, 0, 2, 1, header.triggerEvent());
        Terser.set(msh, 9, 0, 3, 1, "ACK");
        Terser.set(msh, 10, 0, 1, 1, nextId());
        Terser.set(msh, 11, 0, 1, 1, header.processingId());
        Terser.set(msh, 12, 0, 1, 1, header.version());
    }

    private static void writeErr(Segment err, String reason, String errorLocation, ErrorCode errorCode)
            throws HL7Exception {
        if (errorLocation != null) {
            String[] parts = errorLocation.split("\\^");
            for (int i = 0; i < parts.length; i++) {
                Terser.set(err, 2, 0, i + 1, 1, parts[i]);
            }
        }
        Terser.set(err, 3, 0, 1, 1, Integer.toString(errorCode.getCode()));
        Terser.set(err, 3, 0, 2, 1, errorCode.getMessage());
        Terser.set(err, 3, 0, 3, 1, "HL70357");
        Terser.set(err, 4, 0, 1, 1, "E");
        Terser.set(err, 8, 0, 1, 1, reason);
    }

    private static void setComponents(Segment segment, int field, List<String> components)
            throws HL7Exception {
        for (int i = 0; i < components.size(); i++) {
            Terser.set(segment, field, 0, i + 1, 1, components.get(i));
        }
    }

    /** At most 20 characters (the MSH-10 length before v2.6): IW + time + instance + sequence. */
    private String nextId() {
        String time = Long.toString(clock.millis(), ID_RADIX);
        String seq = Long.toString(sequence++ % SEQUENCE_RANGE, ID_RADIX);
        return "IW" + time + instanceTag + seq;
    }
}
