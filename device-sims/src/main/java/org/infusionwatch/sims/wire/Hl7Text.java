package org.infusionwatch.sims.wire;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * HL7 v2 text rules: escaping with the default delimiters {@code |^~\&} and timestamps.
 */
public final class Hl7Text {

    private Hl7Text() {
    }

    /**
     * Escapes the HL7 delimiters in a text value: {@code | ^ ~ \ &} become {@code \F\ \S\ \R\ \E\ \T\}.
     * Line breaks and other control characters become spaces, because a raw CR would end the
     * segment and the simulators never need multi-line text.
     */
    public static String escape(String text) {
        if (isPlain(text)) {
            return text;
        }
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

    private static boolean isPlain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '|' || c == '^' || c == '~' || c == '\\' || c == '&' || Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }

    /** An HL7 DTM in UTC with its offset, to the second: {@code yyyyMMddHHmmss+0000}. */
    public static String timestamp(long epochMs) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(epochMs, 1000L), 0, ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            throw new IllegalArgumentException("year " + t.getYear() + " does not fit an HL7 DTM");
        }
        // By hand rather than with a DateTimeFormatter: a device message carries several of these,
        // and the load driver writes thousands of messages a second.
        StringBuilder out = new StringBuilder(19);
        digits(out, t.getYear(), 4);
        digits(out, t.getMonthValue(), 2);
        digits(out, t.getDayOfMonth(), 2);
        digits(out, t.getHour(), 2);
        digits(out, t.getMinute(), 2);
        digits(out, t.getSecond(), 2);
        return out.append("+0000").toString();
    }

    private static void digits(StringBuilder out, int value, int width) {
        for (int divisor = width == 4 ? 1000 : 10; divisor > 0; divisor /= 10) {
            out.append((char) ('0' + value / divisor % 10));
        }
    }
}
