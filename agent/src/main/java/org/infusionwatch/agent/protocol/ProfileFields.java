package org.infusionwatch.agent.protocol;

import java.util.Properties;

/** Reads and checks the fields of a protocol file; every refusal names the field and the file. */
final class ProfileFields {
    private final Properties props;
    private final String origin;

    ProfileFields(Properties props, String origin) {
        this.props = props;
        this.origin = origin;
    }

    String text(String field) {
        String v = props.getProperty(field);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("protocol file " + origin + ": field '" + field + "' is missing");
        }
        return v.trim();
    }

    long positive(String field) {
        String v = text(field);
        try {
            long n = Long.parseLong(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the refusal below
        }
        throw invalid(field, v, "a whole number above 0");
    }

    double positiveDecimal(String field) {
        String v = text(field);
        try {
            double d = Double.parseDouble(v);
            if (d > 0 && Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the refusal below
        }
        throw invalid(field, v, "a number above 0");
    }

    IllegalArgumentException invalid(String field, String value, String expected) {
        return new IllegalArgumentException("protocol file " + origin + ": field '" + field + "' is '" + value
                + "', expected " + expected);
    }
}
