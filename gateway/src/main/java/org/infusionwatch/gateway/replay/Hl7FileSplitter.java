package org.infusionwatch.gateway.replay;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a recorded HL7 file into messages, whatever its layout: MLLP-framed, one message after
 * another separated by blank lines, CR or LF or CRLF segment ends, or an HL7 batch file
 * (FHS/BHS … BTS/FTS, whose envelope segments are dropped). A message starts at each {@code MSH}
 * segment.
 */
public final class Hl7FileSplitter {
    private static final byte START_BLOCK = 0x0B;
    private static final byte END_BLOCK = 0x1C;

    private Hl7FileSplitter() {
    }

    /** The messages in order, each with {@code \r}-terminated segments. */
    public static List<byte[]> split(byte[] file) {
        List<byte[]> messages = new ArrayList<>();
        ByteArrayOutputStream current = null;
        int i = 0;
        while (i < file.length) {
            int end = i;
            while (end < file.length && file[end] != '\r' && file[end] != '\n') {
                end++;
            }
            int from = i;
            int to = end;
            while (from < to && (file[from] == START_BLOCK || file[from] == END_BLOCK)) {
                from++;
            }
            while (to > from && (file[to - 1] == START_BLOCK || file[to - 1] == END_BLOCK)) {
                to--;
            }
            if (to > from && !isEnvelope(file, from, to)) {
                if (startsWith(file, from, to, "MSH")) {
                    if (current != null) {
                        messages.add(current.toByteArray());
                    }
                    current = new ByteArrayOutputStream(1024);
                }
                if (current != null) {
                    current.write(file, from, to - from);
                    current.write('\r');
                }
            }
            i = end + 1;
        }
        if (current != null) {
            messages.add(current.toByteArray());
        }
        return messages;
    }

    private static boolean isEnvelope(byte[] b, int from, int to) {
        return startsWith(b, from, to, "FHS") || startsWith(b, from, to, "BHS")
                || startsWith(b, from, to, "BTS") || startsWith(b, from, to, "FTS");
    }

    private static boolean startsWith(byte[] b, int from, int to, String segment) {
        if (to - from < 4) {
            return false;
        }
        for (int k = 0; k < 3; k++) {
            if (b[from + k] != segment.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
