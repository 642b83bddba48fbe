package org.infusionwatch.agent.engine;

/**
 * MDC codes (IEEE 11073-10101) the rules read. Numbers are partition x 65536 + term code; the
 * setting codes follow IHE PCD TF Vol 3 table 7.2.2-1, where OBX-17 tells a setting from a
 * measurement.
 */
final class Signals {
    /** Set FiO2, MDC_VENT_CONC_AWAY_O2 (2::20648). */
    static final int SET_FIO2 = 151720;
    /** PEEP, MDC_PRESS_AWAY_END_EXP_POS (2::20732); a setting when OBX-17 says so. */
    static final int PEEP = 151804;

    private Signals() {
    }

    /** FiO2 arrives as a percentage (21-100) or as a fraction (0.21-1.0); rules work in fractions. */
    static double fio2Fraction(double value) {
        return value > 1.0 ? value / 100.0 : value;
    }
}
