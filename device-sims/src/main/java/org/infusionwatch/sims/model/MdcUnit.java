package org.infusionwatch.sims.model;

import java.util.Objects;

/**
 * An MDC unit of measure with its UCUM equivalent.
 *
 * @param code  MDC unit code, e.g. {@code 262688}
 * @param refId MDC reference id, e.g. {@code MDC_DIM_PERCENT}
 * @param ucum  UCUM code, e.g. {@code %}
 */
public record MdcUnit(int code, String refId, String ucum) {

    public MdcUnit {
        Objects.requireNonNull(refId, "refId");
        Objects.requireNonNull(ucum, "ucum");
    }
}
