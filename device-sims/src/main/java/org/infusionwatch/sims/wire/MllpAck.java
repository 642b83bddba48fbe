package org.infusionwatch.sims.wire;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The outcome of an HL7 message as its ACK says it (MSA segment).
 *
 * @param code      MSA-1: {@code AA}, {@code AE} or {@code AR} (or {@code CA}/{@code CE}/{@code CR})
 * @param controlId MSA-2: the MSH-10 of the acknowledged message
 * @param text      MSA-3, empty if absent
 */
public record MllpAck(String code, String controlId, String text) {

    private static final Pattern SEGMENT_END = Pattern.compile("\r\n|\r|\n");

    public MllpAck {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(controlId, "controlId");
        Objects.requireNonNull(text, "text");
    }

    /** Whether the receiver accepted the message ({@code AA} or {@code CA}). */
    public boolean accepted() {
        return code.equals("AA") || code.equals("CA");
    }

    /**
     * Reads the MSA of an ACK message.
     *
     * @throws IllegalArgumentException if it has no MSH or no MSA with a code
     */
    public static MllpAck parse(String message) {
        if (!message.startsWith("MSH") || message.length() < 4) {
            throw new IllegalArgumentException("not an HL7 message: does not start with MSH");
        }
        String fieldSeparator = Pattern.quote(String.valueOf(message.charAt(3)));
        for (String segment : SEGMENT_END.split(message)) {
            if (segment.startsWith("MSA")) {
                String[] fields = segment.split(fieldSeparator, -1);
                String code = field(fields, 1);
                if (code.isEmpty()) {
                    throw new IllegalArgumentException("ACK without MSA-1");
                }
                return new MllpAck(code, field(fields, 2), field(fields, 3));
            }
        }
        throw new IllegalArgumentException("ACK without MSA segment");
    }

    private static String field(String[] fields, int index) {
        return index < fields.length ? fields[index] : "";
    }
}
