package org.infusionwatch.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link IsoInstants} reads what {@link Instant#parse} reads, to the millisecond, and refuses what it refuses. */
class IsoInstantsTest {

    private static long ms(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Test
    void shouldReadTheFormDevicesSend() {
        assertThat(IsoInstants.toEpochMilli("2026-11-22T10:15:30Z")).isEqualTo(1_795_342_530_000L);
        assertThat(IsoInstants.toEpochMilli("1970-01-01T00:00:00Z")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22T10:15:30.1Z", "2026-11-22T10:15:30.12Z", "2026-11-22T10:15:30.123Z",
        "2026-11-22T10:15:30.1234Z", "2026-11-22T10:15:30.123456Z", "2026-11-22T10:15:30.999999999Z",
        "2026-11-22T10:15:30.000000001Z", "2026-11-22T10:15:30.000Z", "2026-11-22T10:15:30.05Z"})
    void shouldReadOneToNineFractionDigitsCuttingToTheMillisecond(String iso) {
        assertThat(IsoInstants.toEpochMilli(iso)).isEqualTo(ms(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22T10:15:30+01:00", "2026-11-22T10:15:30-05:00", "2026-11-22T10:15:30+00:00",
        "2026-11-22T10:15:30-00:00", "2026-11-22T10:15:30.5+05:30", "2026-11-22T10:15:30+17:59", "2026-11-22T10:15:30-17:59",
        "2026-01-01T00:30:00+01:00", "2025-12-31T23:30:00-01:00", "2024-03-01T00:00:00+01:00"})
    void shouldReadAnOffsetAsJava17InstantParseDoes(String iso) {
        assertThat(IsoInstants.toEpochMilli(iso)).isEqualTo(ms(iso));
    }

    @Test
    void shouldMoveAcrossYearsMonthsAndDaysWithAnOffset() {
        assertThat(IsoInstants.toEpochMilli("2026-01-01T00:30:00+01:00")).isEqualTo(ms("2025-12-31T23:30:00Z"));
        assertThat(IsoInstants.toEpochMilli("2024-02-28T23:00:00-02:00")).isEqualTo(ms("2024-02-29T01:00:00Z"));
        assertThat(IsoInstants.toEpochMilli("2026-02-28T23:00:00-02:00")).isEqualTo(ms("2026-03-01T01:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-29T12:00:00Z", "2000-02-29T12:00:00Z", "1600-02-29T00:00:00Z", "2026-01-31T23:59:59.999Z",
        "2026-04-30T00:00:00Z", "2026-12-31T23:59:59.999999999Z", "2027-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z",
        "1969-12-31T23:59:59.9999Z", "1969-12-31T23:59:59.0001Z", "1900-03-01T00:00:00Z", "0000-01-01T00:00:00Z",
        "0000-02-29T00:00:00Z", "9999-12-31T23:59:59.999999999Z"})
    void shouldReadLeapDaysEndsOfMonthsAndYearBoundaries(String iso) {
        assertThat(IsoInstants.toEpochMilli(iso)).isEqualTo(ms(iso));
    }

    @Test
    void shouldTakeTheFloorOfTheMillisecondBefore1970AsInstantDoes() {
        assertThat(IsoInstants.toEpochMilli("1969-12-31T23:59:59.9999Z")).isEqualTo(-1);
        assertThat(IsoInstants.toEpochMilli("1969-12-31T23:59:59.0001Z")).isEqualTo(-1_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2100-02-29T00:00:00Z", "2026-04-31T00:00:00Z",
        "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z", "2026-11-00T00:00:00Z", "2026-11-22T25:00:00Z", "2026-11-22T10:60:00Z",
        "2026-11-22T10:15:61Z", "2026-11-22T10:15Z", "2026-11-22T10:15:30", "2026-11-22 10:15:30Z", "2026-11-22T10:15:30.Z1",
        "2026-11-22T10:15:30.1234567891Z", "2026-11-22T10:15:30,5Z", "2026-11-22T10:15:30+01", "2026-11-22T10:15:30+0100",
        "2026-11-22T10:15:30+19:00", "2026-11-22T10:15:30+1:00", "2026-11-22T10:15:30UTC", " 2026-11-22T10:15:30Z",
        "2026-11-22T10:15:30Z ", "+2026-11-22T10:15:30Z", "12026-11-22T10:15:30Z", "２０２６-11-22T10:15:30Z", "", "Z",
        "2026-11-22T10:15:30ZZ", "2026-11-22T1:15:30Z", "2026-1-22T10:15:30Z"})
    void shouldRefuseWhatInstantParseRefuses(String text) {
        assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoInstants.toEpochMilli(text)).isInstanceOf(DateTimeParseException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22t10:15:30z", "2026-11-22T24:00:00Z", "2026-11-22T23:59:60Z", "2026-11-22T10:15:30.Z",
        "2026-11-22T10:15:30+18:00", "2026-11-22T10:15:30-18:00", "2026-11-22T10:15:30+01:00:30", "+12026-11-22T10:15:30Z",
        "-0001-11-22T10:15:30Z", "-290000000-01-01T00:00:00Z"})
    void shouldReadTheRarerFormsThroughInstantParse(String iso) {
        assertThat(IsoInstants.toEpochMilli(iso)).isEqualTo(ms(iso));
    }

    @Test
    void shouldFailAsInstantDoesBeyondALongOfMilliseconds() {
        assertThatThrownBy(() -> Instant.parse("+300000000-01-01T00:00:00Z").toEpochMilli())
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> IsoInstants.toEpochMilli("+300000000-01-01T00:00:00Z"))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void shouldReadTheTextInPlaceWithinALargerBuffer() {
        char[] buffer = "xx\"2026-11-22T10:15:30.25+01:00\"yy".toCharArray();
        assertThat(IsoInstants.toEpochMilli(buffer, 3, 28)).isEqualTo(ms("2026-11-22T10:15:30.25+01:00"));
        char[] unusual = "xx2026-11-22T24:00:00Zyy".toCharArray();
        assertThat(IsoInstants.toEpochMilli(unusual, 2, 20)).isEqualTo(ms("2026-11-23T00:00:00Z"));
    }

    @Test
    void shouldCountDaysAsTheCalendarDoesFromYear0To9999() {
        long last = LocalDate.of(9999, 12, 31).toEpochDay();
        for (long day = LocalDate.of(0, 1, 1).toEpochDay(); day <= last; day++) {
            LocalDate date = LocalDate.ofEpochDay(day);
            if (IsoInstants.epochDay(date.getYear(), date.getMonthValue(), date.getDayOfMonth()) != day) {
                fail("epoch day of " + date + " should be " + day);
            }
        }
    }

    @Test
    void shouldReadEveryDayFrom1899To2101AsInstantParseDoes() {
        Random random = new Random(7);
        for (LocalDate d = LocalDate.of(1899, 1, 1); d.getYear() <= 2101; d = d.plusDays(1)) {
            String iso = String.format("%sT%02d:%02d:%02d.%03dZ", d, random.nextInt(24), random.nextInt(60), random.nextInt(60),
                    random.nextInt(1000));
            if (IsoInstants.toEpochMilli(iso) != ms(iso)) {
                fail(iso + " read as " + IsoInstants.toEpochMilli(iso) + ", expected " + ms(iso));
            }
        }
    }

    /** Near-valid texts, digit by digit: each must read as Instant.parse reads it, or be refused as it refuses. */
    @Test
    void shouldAgreeWithInstantParseOnRandomNearlyValidTexts() {
        Random random = new Random(20261122);
        String[] offsets = {"Z", "z", "+01:00", "-05:30", "+18:00", "+19:00", "+1:00", "+01", "", "Z ", "+00:00", "-17:59"};
        int accepted = 0;
        for (int i = 0; i < 20_000; i++) {
            String fraction = random.nextInt(3) == 0 ? "" : "." + "1234567890".substring(0, random.nextInt(11));
            String text = String.format("%04d-%02d-%02dT%02d:%02d:%02d%s%s", random.nextInt(10_000), random.nextInt(14),
                    random.nextInt(33), random.nextInt(26), random.nextInt(62), random.nextInt(62), fraction,
                    offsets[random.nextInt(offsets.length)]);
            Long expected;
            try {
                expected = ms(text);
                accepted++;
            } catch (DateTimeParseException e) {
                expected = null;
            }
            Long actual;
            try {
                actual = IsoInstants.toEpochMilli(text);
            } catch (DateTimeParseException e) {
                actual = null;
            }
            if (!java.util.Objects.equals(expected, actual)) {
                fail(text + " read as " + actual + ", expected " + expected);
            }
        }
        assertThat(accepted).as("texts Instant.parse accepted").isBetween(2_000, 18_000);
    }
}
