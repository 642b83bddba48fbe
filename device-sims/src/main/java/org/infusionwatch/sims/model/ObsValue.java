package org.infusionwatch.sims.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The value of an observation: a number (HL7 {@code NM}), free text ({@code ST}) or a coded
 * value ({@code CWE}).
 */
public sealed interface ObsValue {

    /** A number, kept as a decimal so that 0.1 is written as {@code 0.1}. */
    record Numeric(BigDecimal value) implements ObsValue {
        public Numeric {
            Objects.requireNonNull(value, "value");
        }

        /** The plain decimal form without trailing zeros, e.g. {@code 40} or {@code 0.5}. */
        public String plain() {
            BigDecimal stripped = value.stripTrailingZeros();
            return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
        }
    }

    /** Free text. */
    record Text(String value) implements ObsValue {
        public Text {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A coded value; {@code code} may be empty when only the text is defined, as for
     * ventilation modes ({@code ^vent-mode-insp-assist}).
     */
    record Coded(String code, String text) implements ObsValue {
        public Coded {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(text, "text");
        }
    }

    static ObsValue of(double number) {
        return new Numeric(BigDecimal.valueOf(number));
    }

    static ObsValue of(long number) {
        return new Numeric(BigDecimal.valueOf(number));
    }
}
