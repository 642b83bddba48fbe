package org.infusionwatch.gateway.hl7.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** NM values and MDC codes read from bytes against the HAPI path's regex and {@link Double#parseDouble}. */
class NumbersTest {

    private static final Pattern NM = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");

    @Test
    void shouldReadNmValuesAsDoubleParseDoubleDoes() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 300_000; i++) {
            String text = randomNumber(random);
            Slice slice = slice(text);
            if (NM.matcher(text).matches()) {
                double expected = Double.parseDouble(text);
                assertThat(Double.compare(Numbers.nm(slice), expected)).as(text).isZero();
            } else {
                assertThatThrownBy(() -> Numbers.nm(slice)).as(text).isInstanceOf(Fallback.class);
            }
        }
    }

    @Test
    void shouldKeepTheSignOfZero() {
        assertThat(Double.compare(Numbers.nm(slice("-0")), -0.0)).isZero();
        assertThat(Double.compare(Numbers.nm(slice("+0.0")), 0.0)).isZero();
    }

    @Test
    void shouldReadCodesOfOneToNineDigitsOnly() {
        for (String text : new String[] {"0", "150456", "123456789", "1234567890", "", "12a", "-5", " 5", "00068487"}) {
            int expected = DIGITS.matcher(text).matches() ? Integer.parseInt(text) : 0;
            assertThat(Numbers.code(slice(text))).as(text).isEqualTo(expected);
        }
    }

    private static Slice slice(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return new Slice().set(bytes, 0, bytes.length);
    }

    private static String randomNumber(SplittableRandom random) {
        StringBuilder out = new StringBuilder();
        int sign = random.nextInt(4);
        if (sign == 0) {
            out.append('-');
        } else if (sign == 1) {
            out.append('+');
        }
        int integerDigits = random.nextInt(random.nextBoolean() ? 4 : 25);
        for (int i = 0; i < integerDigits; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        if (random.nextBoolean()) {
            out.append('.');
            int fractionDigits = random.nextInt(random.nextBoolean() ? 4 : 26);
            for (int i = 0; i < fractionDigits; i++) {
                out.append((char) ('0' + random.nextInt(10)));
            }
        }
        if (random.nextInt(30) == 0) {
            out.insert(random.nextInt(out.length() + 1), ".e+- x".charAt(random.nextInt(6)));
        }
        return out.toString();
    }
}
