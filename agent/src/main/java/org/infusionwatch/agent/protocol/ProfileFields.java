package org.infusionwatch.agent.protocol;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads and checks the fields of a protocol file; every refusal names the field and the file.
 * It remembers which fields were read, so that a field nobody reads (a typo such as
 * {@code hypoxemia.hold.minute}) is refused too instead of silently leaving a default in force.
 * One instance per file read; not thread-safe.
 */
final class ProfileFields {
    private final Properties props;
    private final String origin;
    private final Set<String> read = new HashSet<>();

    ProfileFields(Properties props, String origin) {
        this.props = props;
        this.origin = origin;
    }

    String text(String field) {
        read.add(field);
        String v = props.getProperty(field);
        if (v == null || v.isBlank()) {
            throw new ProtocolFileException("protocol file " + origin + ": field '" + field + "' is missing");
        }
        return v.trim();
    }

    boolean has(String field) {
        return props.getProperty(field) != null;
    }

    long positive(String field) {
        return whole(field, 1);
    }

    long nonNegative(String field) {
        return whole(field, 0);
    }

    private long whole(String field, long min) {
        String v = text(field);
        try {
            long n = Long.parseLong(v);
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the refusal below
        }
        throw invalid(field, v, min == 0 ? "a whole number, 0 or more" : "a whole number above 0");
    }

    double positiveDecimal(String field) {
        double d = decimal(field);
        if (d > 0) {
            return d;
        }
        throw invalid(field, text(field), "a number above 0");
    }

    double decimal(String field) {
        String v = text(field);
        try {
            double d = Double.parseDouble(v);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the refusal below
        }
        throw invalid(field, v, "a number");
    }

    boolean bool(String field) {
        String v = text(field);
        if (v.equals("true") || v.equals("false")) {
            return v.equals("true");
        }
        throw invalid(field, v, "true or false");
    }

    String choice(String field, String... allowed) {
        String v = text(field);
        for (String a : allowed) {
            if (a.equals(v)) {
                return v;
            }
        }
        throw invalid(field, v, String.join(" or ", allowed));
    }

    Comparison comparison(String field) {
        String v = text(field);
        Comparison c = Comparison.fromSymbol(v);
        if (c == null) {
            throw invalid(field, v, ">= or >");
        }
        return c;
    }

    /** A comma-separated list of non-empty items, trimmed. */
    List<String> list(String field) {
        String v = text(field);
        List<String> out = new ArrayList<>();
        for (String item : v.split(",")) {
            String t = item.trim();
            if (t.isEmpty()) {
                throw invalid(field, v, "a comma-separated list without empty items");
            }
            out.add(t);
        }
        return out;
    }

    /** A comma-separated list that must be present but may be empty ({@code field=}). */
    List<String> listOrEmpty(String field) {
        read.add(field);
        String v = props.getProperty(field);
        if (v == null) {
            throw new ProtocolFileException("protocol file " + origin + ": field '" + field + "' is missing");
        }
        return v.isBlank() ? List.of() : list(field);
    }

    /** Refuses the file when it holds a field that no reader asked for. */
    void refuseUnknownFields() {
        Set<String> unknown = new TreeSet<>(props.stringPropertyNames());
        unknown.removeAll(read);
        if (!unknown.isEmpty()) {
            throw new ProtocolFileException("protocol file " + origin + ": field '" + unknown.iterator().next()
                    + "' is not a protocol field");
        }
    }

    ProtocolFileException invalid(String field, String value, String expected) {
        return new ProtocolFileException("protocol file " + origin + ": field '" + field + "' is '" + value
                + "', expected " + expected);
    }
}
