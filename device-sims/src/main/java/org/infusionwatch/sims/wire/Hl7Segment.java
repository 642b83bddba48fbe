package org.infusionwatch.sims.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds one HL7 segment field by field; empty trailing fields are left out. Values are written
 * as given: callers escape text with {@link Hl7Text#escape}. For {@code MSH}, fields 1 and 2 are
 * always the default delimiters and setting them has no effect.
 *
 * <p>Threading: not thread-safe; use one per segment.
 */
final class Hl7Segment {

    private final String name;
    /** Room for MSH's 21 fields without growing. */
    private final List<String> fields = new ArrayList<>(24);

    Hl7Segment(String name) {
        this.name = name;
    }

    /** Sets field {@code index} (1-based, as in {@code OBX-5}). */
    Hl7Segment set(int index, String value) {
        while (fields.size() < index) {
            fields.add("");
        }
        fields.set(index - 1, value);
        return this;
    }

    /** Appends the segment and its terminating CR to {@code out}. */
    void appendTo(StringBuilder out) {
        int last = fields.size();
        while (last > 0 && fields.get(last - 1).isEmpty()) {
            last--;
        }
        out.append(name);
        int first = 0;
        if (name.equals("MSH")) {
            // MSH-1 is the field separator itself and MSH-2 the encoding characters.
            out.append("|^~\\&");
            first = 2;
        }
        for (int i = first; i < last; i++) {
            out.append('|').append(fields.get(i));
        }
        out.append('\r');
    }
}
