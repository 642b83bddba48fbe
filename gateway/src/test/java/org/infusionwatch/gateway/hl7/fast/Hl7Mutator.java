package org.infusionwatch.gateway.hl7.fast;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded mutations of HL7 messages for the differential test: byte edits, delimiter swaps,
 * escapes, truncation, other encoding characters, odd numbers and times, empty fields, and
 * segment-level edits (dropped, repeated, swapped, foreign segments). Works on the bytes as
 * ISO-8859-1 text so every byte survives. Not thread-safe (one random source).
 */
final class Hl7Mutator {

    private static final String[] INTERESTING = {
        "|", "^", "~", "\\", "&", "#", "\r", "\n", "\r\n", " ", "\t", "0", "9", ".", "+", "-", "A", "z",
        "\u0000", "\u00FF", "\u00C3", "\u00E9", "_", "\"\""};
    private static final String[] ESCAPES = {
        "\\F\\", "\\S\\", "\\T\\", "\\R\\", "\\E\\", "\\H\\", "\\N\\", "\\X41\\", "\\X000d\\", "\\.br\\", "\\", "\\Z1\\",
        "\\C2842\\", "\\S", "\\\\", "\\E\\S\\"};
    private static final String[] NUMBERS = {
        "abc", "1e5", "", " ", "1.2.3", " 5 ", "+.5", "-0", ".", "-", "5.", "0005", "12345678901234567890",
        "3.14159265358979323846", "1^2", "NaN", "0x1F", "1,5", "١٢"};
    private static final String[] TIMES = {
        "2026", "202611", "20261122", "2026112210", "202611221015", "20261122101500", "20261122101500.1",
        "20261122101500.123456789", "20261122101500.1234567890", "20261122101500+2400", "20261122101500+1800",
        "20261122101500+1801", "20261122101500-0530", "20261122101500+05", "20260230101500", "20240229000000",
        "20230229000000", "20261122101500- 0600", " 20261122101500 ", "2026-11-22", "20261122251500",
        "20261122101500.", "0000", "99991231235959.999+1800", "20261122101500+0000^S", "202611221"};
    private static final String[] VERSIONS = {
        "2.1", "2.2", "2.3", "2.3.1", "2.4", "2.5", "2.5.1", "2.6", "2.7", "2.7.1", "2.8", "2.8.1", "2.9", " 2.6",
        "2.6 ", "", "2.6^X", "3.0"};
    private static final String[] TYPES = {
        "ORU^R01^ORU_R01", "ORU^R01", "ORU^R01^", "ORU^R40^ORU_R40", "ORU^R40", "ORU^R42^ORU_R01", "ORU^R42",
        "ORU^R42^ORU_R42", "ORU^R01^ORU_R30", "ORU^R30^ORU_R30", "ADT^A01^ADT_A01", "ORU^R01^^", " ORU^R01",
        "ORU^R01 ^ORU_R01", "oru^r01", "ORU", "", "ACK^R01^ACK", "ORU^R01^ORU_R01^X"};
    private static final String[] VALUE_TYPES = {
        "NM", "ST", "CWE", "CE", "CNE", "CF", "TX", "FT", "NA", "NR", "SN", "DTM", "TS", "ID", "IS", "", "nm",
        " NM", "XYZ", "ED", "CQ", "DT", "TM", "NM^X"};
    private static final String[] SEGMENTS = {
        "NTE|1||note", "ZXX|1|x", "PID|||X^^^Y", "PV1||I|ICU-Z^^BED99", "OBR|2||||||20261122101600",
        "ORC|RE", "SFT|x", "PD1|", "NK1|1", "PV2|", "SPM|1", "MSH|^~\\&|X", "OBX|9|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1|97",
        "OBX", "PID", "TQ1|1", " OBX|1|NM|1^A^MDC||5", "OB", "OBXX|1"};
    private static final String[][] DELIMITER_SETS = {
        {"|", "^", "~", "\\", "&"}, {"!", "*", "%", "$", "#"}, {"|", "*", "~", "\\", "&"}, {"|", "^", "~", "!", "&"},
        {"|", "^", "~", "\\", "#"}, {"#", "^", "~", "\\", "&"}, {"|", "&", "~", "\\", "^"}};

    private final SplittableRandom random;

    Hl7Mutator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** One to three mutations of {@code message}. */
    byte[] mutate(byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            text = mutateOnce(text);
        }
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private String mutateOnce(String text) {
        if (text.isEmpty()) {
            return "MSH|^~\\&|";
        }
        int at = random.nextInt(text.length());
        return switch (random.nextInt(18)) {
            case 0 -> text.substring(0, at) + text.substring(at + 1);
            case 1 -> text.substring(0, at + 1) + text.charAt(at) + text.substring(at + 1);
            case 2 -> text.substring(0, at) + pick(INTERESTING) + text.substring(at + 1);
            case 3 -> swapDelimiter(text);
            case 4 -> text.substring(0, at) + pick(ESCAPES) + text.substring(at);
            case 5 -> text.substring(0, at);
            case 6 -> recode(text);
            case 7 -> setField(text, "OBX", 5, pick(NUMBERS));
            case 8 -> setField(text, pick(new String[] {"OBX", "OBR", "MSH", "PV1"}), random.nextInt(20) + 1, "");
            case 9 -> segments(text);
            case 10 -> setField(text, "MSH", 12, pick(VERSIONS));
            case 11 -> setField(text, "MSH", 9, pick(TYPES));
            case 12 -> setField(text, pick(new String[] {"OBX", "OBR", "MSH"}),
                    pick(new int[] {14, 7, 7}), pick(TIMES));
            case 13 -> setField(text, "OBX", 2, pick(VALUE_TYPES));
            case 14 -> random.nextBoolean() ? text.replace("\r", "\r\n") : text.replace('\r', '\n');
            case 15 -> setField(text, "OBX", pick(new int[] {3, 5, 6, 17, 18}), component(text));
            case 16 -> text.substring(0, at) + pick(INTERESTING) + text.substring(at);
            default -> setField(text, pick(new String[] {"MSH", "PV1", "OBR"}), pick(new int[] {3, 4, 6, 10, 11, 18}),
                    pick(new String[] {"A^B", "A~B", "A&B", " X ", "A\\F\\B", "\u00E9", "", "^^X", "X^^^", "ACK", "8859/1",
                        "UNICODE UTF-8"}));
        };
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private int pick(int[] options) {
        return options[random.nextInt(options.length)];
    }

    /** One delimiter occurrence replaced by another delimiter. */
    private String swapDelimiter(String text) {
        String delimiters = "|^~\\&";
        List<Integer> positions = new ArrayList<>();
        for (int i = 9; i < text.length(); i++) {
            if (delimiters.indexOf(text.charAt(i)) >= 0) {
                positions.add(i);
            }
        }
        if (positions.isEmpty()) {
            return text;
        }
        int at = positions.get(random.nextInt(positions.size()));
        char with = delimiters.charAt(random.nextInt(delimiters.length()));
        return text.substring(0, at) + with + text.substring(at + 1);
    }

    /** The whole message rewritten with other delimiters (and MSH-1/MSH-2 saying so), or only MSH-2 changed. */
    private String recode(String text) {
        if (text.length() < 9 || !text.startsWith("MSH")) {
            return text;
        }
        String[] to = DELIMITER_SETS[random.nextInt(DELIMITER_SETS.length)];
        if (random.nextInt(4) == 0) {
            return text.substring(0, 3) + String.join("", to) + text.substring(8);
        }
        String from = text.substring(3, 8);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int d = from.indexOf(c);
            out.append(d >= 0 && (i >= 3) ? to[d] : String.valueOf(c));
        }
        return out.toString();
    }

    /** Segment-level edits: drop, repeat, swap with the next, or insert another segment. */
    private String segments(String text) {
        List<String> segments = new ArrayList<>(Arrays.asList(text.split("\r", -1)));
        if (segments.size() < 2) {
            return text;
        }
        int at = 1 + random.nextInt(segments.size() - 1);
        switch (random.nextInt(4)) {
            case 0 -> segments.remove(at);
            case 1 -> segments.add(at, segments.get(at));
            case 2 -> {
                if (at + 1 < segments.size()) {
                    String s = segments.get(at);
                    segments.set(at, segments.get(at + 1));
                    segments.set(at + 1, s);
                }
            }
            default -> segments.add(at, pick(SEGMENTS));
        }
        return String.join("\r", segments);
    }

    /** Field {@code field} of a random segment named {@code name} set to {@code value} (standard delimiters). */
    private String setField(String text, String name, int field, String value) {
        String[] segments = text.split("\r", -1);
        List<Integer> matching = new ArrayList<>();
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].startsWith(name + "|")) {
                matching.add(i);
            }
        }
        if (matching.isEmpty()) {
            return text;
        }
        int s = matching.get(random.nextInt(matching.size()));
        List<String> fields = new ArrayList<>(Arrays.asList(segments[s].split("\\|", -1)));
        // In MSH, fields[1] is MSH-2: MSH-n is fields[n - 1].
        int index = name.equals("MSH") ? field - 1 : field;
        if (index < 1 || (name.equals("MSH") && index < 2)) {
            return text;
        }
        while (fields.size() <= index) {
            fields.add("");
        }
        fields.set(index, value);
        segments[s] = String.join("|", fields);
        return String.join("\r", segments);
    }

    /** A component-level value for OBX-3/5/6/17/18. */
    private String component(String text) {
        return pick(new String[] {
            "150456^MDC_PULS_OXIM_SAT_O2^MDC", "150456^MDC_PULS_OXIM_SAT_O2", "^MDC_PULS_OXIM_SAT_O2^MDC",
            "8867-4^Heart rate^LN^149530^MDC_PULS_OXIM_PULS_RATE^MDC", "2279^COMEN^99COMEN", "x^y^mdc",
            "262688^MDC_DIM_PERCENT^MDC", "mm[Hg]^mm[Hg]^UCUM", "{beats}/min^beats per minute^UCUM",
            "265266^MDC_DIM_MILLI_L_PER_HR^MDC^mL/h^mL/h^UCUM", "MSET^manual-setting^MDC", "aset", "ACALC", "\u00C5SET",
            "197288^MDC_EVT_PUMP_DELIV_START^MDC", "^vent-mode", "a~b", "~", "a~", "a~~", "^", "^ ", " ^", "a^^^",
            "DEV-1^^0012^EUI-64", "  ", "\\S\\", "a\\T\\", "a\\S\\", "1234567890", "0", "68487^MDC_ATTR_EVT_COND^MDC",
            "-5", "5^", "5^ ", "5 ^"});
    }
}
