package org.infusionwatch.agent.protocol;

/**
 * Class of respiratory support, from the ventilator's mode (MDC_VENT_MODE). The engine keeps it in
 * a numeric setting history, hence the stable {@link #level()}.
 */
public enum VentMode {
    /** A mode the table does not know (or none reported). */
    UNKNOWN(0),
    /** High-flow nasal oxygen. */
    HIGH_FLOW(1),
    /** Non-invasive ventilation (mask, helmet). */
    NON_INVASIVE(2),
    /** Invasive mechanical ventilation (tube, tracheostomy). */
    INVASIVE(3);

    /** values() copies the array on every call; the engine asks per evaluation. */
    private static final VentMode[] ALL = values();

    private final int level;

    VentMode(int level) {
        this.level = level;
    }

    public int level() {
        return level;
    }

    /** The mode of a level stored in a history; NaN and unknown numbers are {@link #UNKNOWN}. */
    public static VentMode ofLevel(double level) {
        for (VentMode m : ALL) {
            if (m.level == level) {
                return m;
            }
        }
        return UNKNOWN;
    }
}
