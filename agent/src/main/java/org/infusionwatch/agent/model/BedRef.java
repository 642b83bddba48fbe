package org.infusionwatch.agent.model;

import java.util.Objects;

/**
 * A bed as the hospital names it: the point of care (ICU unit) and the bed within it, as sent in
 * HL7 PV1-3 (components 1 and 3) or in the MQTT topic {@code icu/{unit}/{bed}/...}.
 */
public record BedRef(String unit, String bed) {
    public BedRef {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(bed, "bed");
    }

    /** {@code unit/bed}, the form used in topics, logs and configuration. */
    public String key() {
        return unit + "/" + bed;
    }

    /** Parses {@code unit/bed}. */
    public static BedRef parse(String key) {
        int slash = key.indexOf('/');
        if (slash <= 0 || slash == key.length() - 1) {
            throw new IllegalArgumentException("bed must be written unit/bed, was: " + key);
        }
        return new BedRef(key.substring(0, slash), key.substring(slash + 1));
    }

    @Override
    public String toString() {
        return key();
    }
}
