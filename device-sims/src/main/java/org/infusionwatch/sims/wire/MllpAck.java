package org.infusionwatch.sims.wire;

import java.util.Objects;

/**
 * The outcome of an HL7 message as its ACK says it (MSA segment).
 *
 * @param code      MSA-1: {@code AA}, {@code AE} or {@code AR} (or {@code CA}/{@code CE}/{@code CR})
 * @param controlId MSA-2: the MSH-10 of the acknowledged message
 * @param text      MSA-3, empty if absent
 */
public record MllpAck(String code, String controlId, String text) {

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
        char separator = message.charAt(3);
        // Segments end with CR, LF or CRLF. Scanned by hand: the load driver reads thousands of
        // ACKs a second, and splitting with regular expressions was a good part of its cost.
        int start = 0;
        while (start < message.length()) {
            int end = start;
            while (end < message.length() && message.charAt(end) != '\r' && message.charAt(end) != '\n') {
                end++;
            }
            if (message.startsWith("MSA", start)) {
                String code = field(message, start, end, separator, 1);
                if (code.isEmpty()) {
                    throw new IllegalArgumentException("ACK without MSA-1");
                }
                return new MllpAck(code, field(message, start, end, separator, 2), field(message, start, end, separator, 3));
            }
            start = end + 1;
        }
        throw new IllegalArgumentException("ACK without MSA segment");
    }

    /** Field {@code index} of the segment in {@code message[start, end)}, empty if it has fewer. */
    private static String field(String message, int start, int end, char separator, int index) {
        int from = start;
        for (int i = 0; i < index; i++) {
            int next = message.indexOf(separator, from);
            if (next < 0 || next >= end) {
                return "";
            }
            from = next + 1;
        }
        int to = message.indexOf(separator, from);
        return message.substring(from, to < 0 || to > end ? end : to);
    }
}
