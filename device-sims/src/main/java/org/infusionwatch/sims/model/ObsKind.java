package org.infusionwatch.sims.model;

/**
 * What an observation is, which decides OBX-17 and the JSON {@code kind}.
 */
public enum ObsKind {
    /** Set by a clinician on the device (OBX-17 {@code MSET}). */
    SETTING,
    /** Measured by the device (OBX-17 {@code AMEAS}). */
    MEASUREMENT,
    /** A descriptive attribute such as a drug label or patient weight (no OBX-17, no OBX-14). */
    ATTRIBUTE
}
