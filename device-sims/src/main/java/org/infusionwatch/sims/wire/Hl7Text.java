package org.infusionwatch.sims.wire;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * HL7 v2 text rules: escaping with the default delimiters {@code |^~\&} and timestamps.
 */
public final class Hl7Text {

    private static final DateTimeFormatter DTM =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss'+0000'").withZone(ZoneOffset.UTC);

    private Hl7Text() {
    }

    /**
     * Escapes the HL7 delimiters in a text value: {@code | ^ ~ \ &} become {@code \F\ \S\ \R\ \E\ \T\}.
     * Line breaks and other control characters become spaces, because a raw CR would end the
     * segment and the simulators never need multi-line text.
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '|' -> out.append("\\F\\");
                case '^' -> out.append("\\S\\");
                case '~' -> out.append("\\R\\");
                case '\\' -> out.append("\\E\\");
                case '&' -> out.append("\\T\\");
                default -> out.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return out.toString();
    }

    /** An HL7 DTM in UTC with its offset, to the second: {@code yyyyMMddHHmmss+0000}. */
    public static String timestamp(long epochMs) {
        return DTM.format(Instant.ofEpochMilli(epochMs));
    }
}
