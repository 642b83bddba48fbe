package org.infusionwatch.gateway.hl7.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The byte-level DTM reader against the rules of the HAPI path's {@code Hl7Time} (restated here with
 * the same regex and java.time, as that class is private to its package): every value it reads
 * gets the same instant, every value it does not read is one the scanner must leave to HAPI.
 */
class DtmParserTest {

    private static final Pattern DTM = Pattern.compile(
            "(\\d{4})(?:(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:\\.(\\d{1,9}))?)?)?)?)?)?"
                    + "(?:([+-])(\\d{2})(\\d{2})?)?");

    @Test
    void shouldReadWhatHl7TimeReadsAndLeaveTheRest() {
        SplittableRandom random = new SplittableRandom(11);
        int read = 0;
        for (int i = 0; i < 200_000; i++) {
            String value = randomDtm(random);
            Long expected = reference(value);
            byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
            if (expected != null) {
                assertThat(DtmParser.parse(bytes, 0, bytes.length)).as(value).isEqualTo(expected);
                read++;
            } else {
                assertThatThrownBy(() -> DtmParser.parse(bytes, 0, bytes.length)).as(value)
                        .isInstanceOf(Fallback.class);
            }
        }
        assertThat(read).isGreaterThan(50_000);
    }

    @Test
    void shouldLeaveWhitespaceInsideToHapi() {
        byte[] bytes = "20080101123456- 0600".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> DtmParser.parse(bytes, 0, bytes.length)).isInstanceOf(Fallback.class);
    }

    @Test
    void shouldRememberTheLastValue() {
        DtmParser parser = new DtmParser();
        Slice slice = new Slice();
        byte[] a = "20261122101500+0100".getBytes(StandardCharsets.US_ASCII);
        byte[] b = "x20261122101500+0100".getBytes(StandardCharsets.US_ASCII);

        long first = parser.parse(slice.set(a, 0, a.length));
        long again = parser.parse(slice.set(b, 1, b.length));

        assertThat(again).isEqualTo(first).isEqualTo(1_795_338_900_000L);
        assertThat(parser.parse(slice.set(a, 0, 0))).isEqualTo(DtmParser.NONE);
    }

    /** {@code Hl7Time.toEpochMs} for values without whitespace; null where it refuses. */
    private static Long reference(String dtm) {
        Matcher m = DTM.matcher(dtm);
        if (!m.matches()) {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), part(m, 2, 1), part(m, 3, 1),
                    part(m, 4, 0), part(m, 5, 0), part(m, 6, 0),
                    m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "000000000").substring(0, 9)));
            ZoneOffset offset = ZoneOffset.UTC;
            if (m.group(8) != null) {
                int sign = "-".equals(m.group(8)) ? -1 : 1;
                offset = ZoneOffset.ofHoursMinutes(sign * Integer.parseInt(m.group(9)), sign * part(m, 10, 0));
            }
            return local.toInstant(offset).toEpochMilli();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int part(Matcher m, int group, int absent) {
        return m.group(group) == null ? absent : Integer.parseInt(m.group(group));
    }

    /** Mostly well-formed DTMs with random parts, some of them out of range or malformed. */
    private static String randomDtm(SplittableRandom random) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%04d", random.nextInt(10_000)));
        int parts = random.nextInt(7);
        int[] limits = {14, 33, 25, 61, 61};
        for (int i = 0; i < Math.min(parts, 5); i++) {
            out.append(String.format("%02d", random.nextInt(limits[i])));
        }
        if (parts >= 5 && random.nextBoolean()) {
            out.append('.').append(Long.toString(Math.abs(random.nextLong())).substring(0, 1 + random.nextInt(10)));
        }
        if (random.nextBoolean()) {
            out.append(random.nextBoolean() ? '+' : '-').append(String.format("%02d", random.nextInt(20)));
            if (random.nextBoolean()) {
                out.append(String.format("%02d", random.nextInt(61)));
            }
        }
        if (random.nextInt(20) == 0) {
            int at = random.nextInt(out.length() + 1);
            out.insert(at, "0123456789.+-x ".charAt(random.nextInt(15)));
        }
        return out.toString();
    }
}
