package org.infusionwatch.agent.model;

/**
 * Whether a value was measured or is a device setting, from IHE PCD OBX-17
 * ({@code AMEAS}/{@code MMEAS}, {@code ASET}/{@code MSET}, {@code ACALC}/{@code MCALC}).
 * An empty OBX-17 means a measurement.
 */
public enum ObservationKind {
    MEASUREMENT,
    SETTING,
    CALCULATION;

    /** Reads the first component of OBX-17; anything unknown or empty is a measurement. */
    public static ObservationKind fromObx17(String code) {
        if (code == null) {
            return MEASUREMENT;
        }
        return switch (code.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "MSET", "ASET" -> SETTING;
            case "ACALC", "MCALC" -> CALCULATION;
            default -> MEASUREMENT;
        };
    }
}
