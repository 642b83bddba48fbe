package org.infusionwatch.agent.protocol;

/**
 * How a value is compared with a protocol threshold. The START table says "&gt; threshold" where the
 * registry says "to the values or higher", so the comparison is part of the protocol file rather
 * than of the code. A tiny tolerance keeps decimal settings (0.40 + 0.20) from missing by a
 * rounding error. Immutable.
 */
public enum Comparison {
    /** {@code >=}: the value reaches the threshold. */
    AT_LEAST(">="),
    /** {@code >}: the value exceeds the threshold. */
    ABOVE(">");

    private static final double EPSILON = 1e-9;

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    /** True when {@code value} meets {@code threshold}; false when either is NaN. */
    public boolean test(double value, double threshold) {
        return this == AT_LEAST ? value >= threshold - EPSILON : value > threshold + EPSILON;
    }

    /** {@code >=} or {@code >}, as written in protocol files and evidence. */
    public String symbol() {
        return symbol;
    }

    static Comparison fromSymbol(String text) {
        for (Comparison c : values()) {
            if (c.symbol.equals(text)) {
                return c;
            }
        }
        return null;
    }
}
