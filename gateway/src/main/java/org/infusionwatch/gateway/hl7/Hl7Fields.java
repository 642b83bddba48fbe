package org.infusionwatch.gateway.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Composite;
import ca.uhn.hl7v2.model.ExtraComponents;
import ca.uhn.hl7v2.model.Primitive;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.model.Varies;
import ca.uhn.hl7v2.util.Terser;

/**
 * Field access on parsed segments through HAPI, so escapes ({@code \S\}, {@code \T\}, ...) are
 * already decoded. Values are trimmed; absent values are empty strings, never null. Stateless.
 */
final class Hl7Fields {

    private Hl7Fields() {
    }

    /** Component {@code component} (1-based) of the first repetition of field {@code field}. */
    static String get(Segment segment, int field, int component) {
        return get(segment, field, 0, component);
    }

    static String get(Segment segment, int field, int repetition, int component) {
        try {
            String value = Terser.get(segment, field, repetition, component, 1);
            return value == null ? "" : value.trim();
        } catch (HL7Exception | RuntimeException e) {
            return "";
        }
    }

    /** Set id (field 1), or the segment's position among its kind when the set id is empty; for ERR-2. */
    static String sequence(Segment segment, int ordinal) {
        String setId = get(segment, 1, 1);
        return setId.isEmpty() ? Integer.toString(ordinal) : setId;
    }

    /** Number of repetitions of a field present in the segment. */
    static int repetitions(Segment segment, int field) {
        try {
            return segment.getField(field).length;
        } catch (HL7Exception e) {
            return 0;
        }
    }

    /** A repetition of a field, or null if absent. */
    static Type field(Segment segment, int field, int repetition) {
        try {
            Type[] reps = segment.getField(field);
            return repetition < reps.length ? reps[repetition] : null;
        } catch (HL7Exception e) {
            return null;
        }
    }

    /**
     * The whole value as text: components joined with {@code ^}, subcomponents with {@code &},
     * trailing empty parts dropped. Decoded values, not HL7 escapes: for display and matching.
     */
    static String text(Type type) {
        return text(type, '^').trim();
    }

    private static String text(Type type, char separator) {
        if (type == null) {
            return "";
        }
        if (type instanceof Varies varies) {
            return text(varies.getData(), separator);
        }
        StringBuilder out = new StringBuilder();
        if (type instanceof Primitive primitive) {
            out.append(primitive.getValue() == null ? "" : primitive.getValue());
        } else if (type instanceof Composite composite) {
            Type[] components = composite.getComponents();
            for (int i = 0; i < components.length; i++) {
                appendPart(out, i, separator, text(components[i], '&'));
            }
        }
        ExtraComponents extra = type.getExtraComponents();
        for (int i = 0; i < extra.numComponents(); i++) {
            appendPart(out, Integer.MAX_VALUE, separator, text(extra.getComponent(i), '&'));
        }
        return stripTrailing(out, separator);
    }

    private static void appendPart(StringBuilder out, int index, char separator, String part) {
        if (index > 0) {
            out.append(separator);
        }
        out.append(part);
    }

    private static String stripTrailing(StringBuilder out, char separator) {
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == separator) {
            end--;
        }
        return out.substring(0, end);
    }

    /** True when no repetition of the field holds any value. */
    static boolean isEmpty(Segment segment, int field) {
        for (int rep = 0; rep < repetitions(segment, field); rep++) {
            if (!text(field(segment, field, rep)).isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
