package org.infusionwatch.sims.scenario;

import java.math.BigDecimal;

/** Number formatting for step descriptions: {@code 8} rather than {@code 8.0}. */
final class Numbers {

    private Numbers() {
    }

    static String plain(double value) {
        BigDecimal stripped = BigDecimal.valueOf(value).stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
