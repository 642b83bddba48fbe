package org.infusionwatch.sims.model;

import java.util.Objects;

/**
 * An IEEE 11073-10101 (MDC) term: the 32-bit context-free code and its reference id.
 *
 * @param code  partition x 65536 + term code, e.g. {@code 150456}
 * @param refId reference id, e.g. {@code MDC_PULS_OXIM_SAT_O2}
 */
public record MdcTerm(int code, String refId) {

    public MdcTerm {
        Objects.requireNonNull(refId, "refId");
    }
}
