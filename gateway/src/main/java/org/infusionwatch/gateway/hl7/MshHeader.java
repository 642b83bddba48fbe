package org.infusionwatch.gateway.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.Version;
import ca.uhn.hl7v2.preparser.PreParser;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The MSH fields needed before (and without) a full parse: control id, message type, charset and
 * what an ACK echoes. Read with HAPI's {@link PreParser}; when that fails (e.g. the v2.7
 * truncation character in MSH-2, a truncated oversize head) a minimal reader splits the MSH
 * segment itself. Immutable.
 */
record MshHeader(String controlId, String messageCode, String triggerEvent, boolean startsMessage,
                 AckHeader ack) {

    private static final String[] FIELDS = {
        "MSH-3-1", "MSH-3-2", "MSH-3-3", "MSH-4-1", "MSH-4-2", "MSH-4-3", "MSH-6-1", "MSH-6-2", "MSH-6-3",
        "MSH-9-1", "MSH-9-2", "MSH-10", "MSH-11", "MSH-12", "MSH-18"};
    private static final int HEADER_SNIFF_BYTES = 8 * 1024;
    private static final Pattern SEGMENT_END = Pattern.compile("[\r\n]");

    /** {@code ORU^R01}, or empty when MSH-9 is empty. */
    String messageType() {
        return messageCode.isEmpty() && triggerEvent.isEmpty() ? "" : messageCode + "^" + triggerEvent;
    }

    /** MSH-18 {@code 8859/1} means ISO-8859-1; anything else (ASCII, UNICODE UTF-8, none) UTF-8. */
    static Charset charsetOf(byte[] message) {
        // ISO-8859-1 maps every byte to one char, so the ASCII header reads the same in any charset.
        int length = Math.min(message.length, HEADER_SNIFF_BYTES);
        MshHeader header = read(new String(message, 0, length, StandardCharsets.ISO_8859_1));
        return header == null ? StandardCharsets.UTF_8 : header.ack().charset();
    }

    /**
     * @param text the message, segments separated by {@code \r}
     * @return the header, or null when the text holds no MSH segment at all
     */
    static MshHeader read(String text) {
        int msh = findMsh(text);
        if (msh < 0) {
            return null;
        }
        String[] values = preParse(text, msh);
        if (values == null) {
            values = MinimalReader.read(text.substring(msh));
        }
        return fromValues(values, msh == 0);
    }

    private static String[] preParse(String text, int msh) {
        if (msh != 0) {
            return null;
        }
        try {
            String[] values = PreParser.getFields(text, FIELDS);
            return values != null && values.length == FIELDS.length ? values : null;
        } catch (HL7Exception | RuntimeException e) {
            return null;
        }
    }

    private static MshHeader fromValues(String[] v, boolean startsMessage) {
        String version = clean(v[13]);
        String processingId = clean(v[12]);
        AckHeader ack = new AckHeader(
                components(v, 0), components(v, 3), components(v, 6), clean(v[10]),
                processingId.isEmpty() ? "P" : processingId,
                Version.versionOf(version) == null ? "2.6" : version,
                clean(v[14]).toUpperCase(Locale.ROOT).startsWith("8859/1")
                        ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        return new MshHeader(clean(v[11]), clean(v[9]), clean(v[10]), startsMessage, ack);
    }

    private static List<String> components(String[] values, int first) {
        List<String> out = new ArrayList<>(List.of(clean(values[first]), clean(values[first + 1]),
                clean(values[first + 2])));
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private static String clean(String value) {
        return value == null ? "" : value.trim();
    }

    /** Index of an MSH segment at the start of the text or of a line, or -1. */
    private static int findMsh(String text) {
        int from = 0;
        while (true) {
            int at = text.indexOf("MSH", from);
            if (at < 0 || at + 3 >= text.length()) {
                return -1;
            }
            boolean segmentStart = at == 0 || text.charAt(at - 1) == '\r' || text.charAt(at - 1) == '\n';
            char fieldSeparator = text.charAt(at + 3);
            if (segmentStart && !Character.isLetterOrDigit(fieldSeparator) && !Character.isWhitespace(fieldSeparator)) {
                return at;
            }
            from = at + 1;
        }
    }

    /** Splits the MSH segment by its own delimiters; no unescaping (header ids rarely need it). */
    private static final class MinimalReader {

        static String[] read(String fromMsh) {
            String segment = SEGMENT_END.split(fromMsh, 2)[0];
            char fieldSeparator = segment.charAt(3);
            String[] fields = segment.split(Pattern.quote(String.valueOf(fieldSeparator)), -1);
            String encoding = fields.length > 1 ? fields[1] : "";
            char componentSeparator = encoding.isEmpty() ? '^' : encoding.charAt(0);
            char repetitionSeparator = encoding.length() > 1 ? encoding.charAt(1) : '~';
            String[] out = new String[FIELDS.length];
            for (int i = 0; i < FIELDS.length; i++) {
                String[] path = FIELDS[i].split("-");
                int field = Integer.parseInt(path[1]);
                int component = path.length > 2 ? Integer.parseInt(path[2]) : 1;
                // fields[0] is "MSH" and fields[1] is MSH-2, so MSH-n is fields[n - 1].
                String value = field - 1 < fields.length ? fields[field - 1] : "";
                value = split(value, repetitionSeparator)[0];
                String[] components = split(value, componentSeparator);
                out[i] = component <= components.length ? components[component - 1] : "";
            }
            return out;
        }

        private static String[] split(String value, char separator) {
            return value.split(Pattern.quote(String.valueOf(separator)), -1);
        }
    }
}
