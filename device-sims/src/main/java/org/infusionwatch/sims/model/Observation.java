package org.infusionwatch.sims.model;

import java.util.Objects;

/**
 * One observation in a device report, independent of the wire format.
 *
 * @param term  what is observed (OBX-3)
 * @param subId the containment path in the device (OBX-4), e.g. {@code 1.1.1.1}
 * @param value the value (OBX-2/OBX-5)
 * @param unit  the unit (OBX-6), {@code null} for text and coded values
 * @param kind  setting, measurement or attribute (OBX-17)
 */
public record Observation(MdcTerm term, String subId, ObsValue value, MdcUnit unit, ObsKind kind) {

    public Observation {
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(subId, "subId");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(kind, "kind");
    }

    public static Observation setting(MdcTerm term, String subId, ObsValue value, MdcUnit unit) {
        return new Observation(term, subId, value, unit, ObsKind.SETTING);
    }

    public static Observation measurement(MdcTerm term, String subId, ObsValue value, MdcUnit unit) {
        return new Observation(term, subId, value, unit, ObsKind.MEASUREMENT);
    }

    public static Observation attribute(MdcTerm term, String subId, ObsValue value, MdcUnit unit) {
        return new Observation(term, subId, value, unit, ObsKind.ATTRIBUTE);
    }
}
