package org.infusionwatch.gateway.hl7.fast;

import java.nio.charset.StandardCharsets;

/**
 * Numbers from value bytes, with the results of the HAPI path's {@code ObxReader}: MDC codes are
 * 1 to 9 ASCII digits (else 0), NM values match {@code [+-]?(\d+\.?\d*|\.\d+)} and read as
 * {@link Double#parseDouble} reads them. Stateless.
 */
final class Numbers {

    /** Powers of ten that are exact doubles. */
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    private static final long MAX_EXACT_MANTISSA = 1L << 53;

    private Numbers() {
    }

    /** A non-negative code of 1 to 9 digits, else 0 (placeholder, non-MDC or garbage). */
    static int code(Slice s) {
        int length = s.length();
        if (length < 1 || length > 9) {
            return 0;
        }
        int value = 0;
        for (int i = s.from; i < s.to; i++) {
            byte b = s.buf[i];
            if (b < '0' || b > '9') {
                return 0;
            }
            value = value * 10 + (b - '0');
        }
        return value;
    }

    /**
     * An HL7 NM value.
     *
     * @throws Fallback when it is not one (the HAPI path refuses the message with AE)
     */
    static double nm(Slice s) {
        byte[] b = s.buf;
        int p = s.from;
        int to = s.to;
        boolean negative = false;
        if (p < to && (b[p] == '+' || b[p] == '-')) {
            negative = b[p] == '-';
            p++;
        }
        long mantissa = 0;
        int significant = 0;
        int integerDigits = 0;
        int fractionDigits = 0;
        boolean point = false;
        for (; p < to; p++) {
            byte c = b[p];
            if (c >= '0' && c <= '9') {
                if (point) {
                    fractionDigits++;
                } else {
                    integerDigits++;
                }
                if (significant > 0 || c != '0') {
                    significant++;
                }
                if (significant <= 18) {
                    mantissa = mantissa * 10 + (c - '0');
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                throw Fallback.of(Fallback.Reason.REFUSAL);
            }
        }
        if (integerDigits + fractionDigits == 0) {
            throw Fallback.of(Fallback.Reason.REFUSAL);
        }
        double value;
        if (significant <= 18 && mantissa <= MAX_EXACT_MANTISSA && fractionDigits < POWERS_OF_TEN.length) {
            // Both operands are exact doubles, so the one rounding of the division is the correct
            // rounding of the decimal: the same double Double.parseDouble gives.
            value = mantissa / POWERS_OF_TEN[fractionDigits];
        } else {
            value = Math.abs(Double.parseDouble(new String(b, s.from, s.length(), StandardCharsets.ISO_8859_1)));
        }
        return negative ? -value : value;
    }
}
