package org.infusionwatch.gateway.hl7.fast;

/**
 * Raised inside the byte-level scanner when a message needs the HAPI decoder: the scanner only
 * answers messages it understands completely, and every refusal is left to HAPI so that AE/AR,
 * reason and error location are the oracle's own. Preallocated and stackless (one instance per
 * reason), so leaving the fast path costs no allocation.
 */
final class Fallback extends RuntimeException {

    /** Why a message went to HAPI; counted by {@link FastPcdDecoder}. */
    enum Reason {
        /** Not {@code MSH} + five distinct delimiters at the start (BOM, blank lines, MSH-2 not 4 chars). */
        ENCODING,
        /** An MSH field an ACK echoes is not plain ASCII without delimiters or escapes. */
        HEADER,
        /** Not ORU^R01, ORU^R40 or ORU^R42 with an ORU_R01-shaped structure. */
        MESSAGE_TYPE,
        /** MSH-12 is not one of the versions the scanner was checked against. */
        VERSION,
        /** A segment HAPI might place differently (unknown name, odd order, leading whitespace). */
        SEGMENT,
        /** An escape sequence other than \F\ \S\ \T\ \R\ \E\. */
        ESCAPE,
        /** A subcomponent separator in a field the report reads. */
        SUBCOMPONENT,
        /**
         * Whitespace next to a component separator in OBX-5: HAPI's model trims some component
         * types (ST, FT left, TX right) before the value is rendered, others not.
         */
        WHITESPACE,
        /** An OBX-2 value type the scanner does not know. */
        VALUE_TYPE,
        /** Bytes that are not valid in the message's charset, in a value the report keeps. */
        CHARSET,
        /**
         * A clinician entry from a charting system (an OBR-4 {@code IW_ENTRY}): entries come at a
         * person's pace, so HAPI reads them and the scanner stays a device reader.
         */
        CLINICIAN_ENTRY,
        /** The message would be refused (NM not a number, bad or missing time, no event condition). */
        REFUSAL,
        /** A fault in the scanner itself; the message is still answered by HAPI. */
        INTERNAL
    }

    private static final Fallback[] BY_REASON = new Fallback[Reason.values().length];

    static {
        for (Reason reason : Reason.values()) {
            BY_REASON[reason.ordinal()] = new Fallback(reason);
        }
    }

    private final Reason reason;

    private Fallback(Reason reason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
    }

    static Fallback of(Reason reason) {
        return BY_REASON[reason.ordinal()];
    }

    Reason reason() {
        return reason;
    }
}
