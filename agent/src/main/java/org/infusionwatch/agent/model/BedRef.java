package org.infusionwatch.agent.model;

import java.util.Objects;

/**
 * A bed as the hospital names it: the point of care (ICU unit) and the bed within it, as sent in
 * HL7 PV1-3 (components 1 and 3) or in the MQTT topic {@code icu/{unit}/{bed}/...}.
 *
 * <p>Immutable; a value (equal by unit and bed). Not a record only so that it can keep its hash:
 * the engine looks a bed up for every device report, and a kept hash spares it reading both names
 * of a report it has not touched yet.
 */
public final class BedRef {
    private final String unit;
    private final String bed;
    private final int hash;

    public BedRef(String unit, String bed) {
        this.unit = Objects.requireNonNull(unit, "unit");
        this.bed = Objects.requireNonNull(bed, "bed");
        this.hash = 31 * unit.hashCode() + bed.hashCode();
    }

    /** The point of care (ICU unit). */
    public String unit() {
        return unit;
    }

    /** The bed within the unit. */
    public String bed() {
        return bed;
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
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        // Names decoded from the wire are often the very same strings: compare references first.
        return o instanceof BedRef other && hash == other.hash
                && (unit == other.unit || unit.equals(other.unit)) && (bed == other.bed || bed.equals(other.bed));
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return key();
    }
}
