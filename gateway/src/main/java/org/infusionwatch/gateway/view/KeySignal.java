package org.infusionwatch.gateway.view;

import java.util.Locale;
import org.infusionwatch.agent.model.Observation;

/**
 * The values a nurse looks at first, with the MDC codes that carry them, in order of preference
 * (ECG heart rate before pulse rate; arterial mean pressure before the non-invasive one).
 * Set FiO2 is shown as a fraction whether the ventilator sends percent or fraction.
 */
public enum KeySignal {
    SPO2("SpO2", "%", 150456),
    HR("HR", "/min", 147842, 149530),
    MAP("MAP", "mmHg", 150039, 150035, 150023),
    FIO2("FiO2", "", 151720),
    PEEP("PEEP", "cmH2O", 151804);

    /** {@code values()} copies its array on every call; this is read for every observation. */
    private static final KeySignal[] ALL = values();

    private final String label;
    private final String unit;
    private final int[] codes;

    KeySignal(String label, String unit, int... codes) {
        this.label = label;
        this.unit = unit;
        this.codes = codes;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    /** Rank of {@code mdcCode} for this signal (0 = preferred), or -1 when it does not carry it. */
    int rank(int mdcCode) {
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] == mdcCode) {
                return i;
            }
        }
        return -1;
    }

    /** The signal an observation carries, or null. */
    static KeySignal of(Observation o) {
        if (!o.isNumeric()) {
            return null;
        }
        for (KeySignal s : ALL) {
            if (s.rank(o.mdcCode()) >= 0) {
                return s;
            }
        }
        return null;
    }

    /** The value in the unit shown: FiO2 as a fraction (a percentage is divided by 100). */
    double normalise(Observation o) {
        if (this == FIO2 && (o.value() > 1.0 || isPercent(o.unit()))) {
            return o.value() / 100.0;
        }
        return o.value();
    }

    /** The value as a nurse reads it: FiO2 with two decimals, the others as whole numbers. */
    String display(double value) {
        if (this == FIO2) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return plain(value);
    }

    /** A number without needless decimals: {@code 14}, {@code 7.5}. */
    static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static boolean isPercent(String unit) {
        return unit != null && (unit.equals("%") || unit.contains("PERCENT") || unit.equals("262688"));
    }
}
