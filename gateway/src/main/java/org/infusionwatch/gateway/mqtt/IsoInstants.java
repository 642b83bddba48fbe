package org.infusionwatch.gateway.mqtt;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Epoch milliseconds of an ISO-8601 instant, read exactly as {@link Instant#parse} reads it but
 * without going through {@code DateTimeFormatter} for the forms devices actually send.
 *
 * <p>Why: {@code Instant.parse} builds a parse context, a field map and a resolver for every call,
 * and in a replay it costs as much as reading the JSON around it. Devices write one shape,
 * {@code 2026-11-22T10:15:30Z}, sometimes with a fraction ({@code .5} to nine digits) or an offset
 * ({@code +01:00}, which Java 17's {@code Instant.parse} accepts too). That shape is read here
 * digit by digit; anything else (a five-digit or signed year, lower-case {@code t}/{@code z}, hour
 * 24, second 60, an offset with seconds, a date that does not exist, junk) is handed to
 * {@code Instant.parse}, so what is accepted, what is refused and the value read are
 * {@code Instant.parse}'s in every case.
 */
final class IsoInstants {
    /** Not a possible result of the fast form (years 0000 to 9999), so it can mean "not recognised". */
    private static final long UNRECOGNISED = Long.MIN_VALUE;
    private static final int SECONDS_PER_DAY = 86_400;
    /** {@code yyyy-MM-ddTHH:mm:ss}, the part every fast form starts with. */
    private static final int SECONDS_END = 19;

    private IsoInstants() {
    }

    /**
     * @throws DateTimeParseException when {@link Instant#parse} refuses the text
     * @throws ArithmeticException    when the instant is beyond epoch milliseconds in a {@code long}
     *                                ({@link Instant#toEpochMilli}), e.g. year +300000000
     */
    static long toEpochMilli(String text) {
        return toEpochMilli(text.toCharArray(), 0, text.length());
    }

    /**
     * The same for {@code length} characters of {@code chars} from {@code offset}, so a JSON
     * parser's buffer is read in place.
     */
    static long toEpochMilli(char[] chars, int offset, int length) {
        long fast = fastForm(chars, offset, length);
        return fast != UNRECOGNISED ? fast : Instant.parse(new String(chars, offset, length)).toEpochMilli();
    }

    /** The instant of {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:mm)}, or {@link #UNRECOGNISED}. */
    private static long fastForm(char[] s, int start, int length) {
        if (length < SECONDS_END + 1 || s[start + 4] != '-' || s[start + 7] != '-'
                || s[start + 10] != 'T' || s[start + 13] != ':' || s[start + 16] != ':') {
            return UNRECOGNISED;
        }
        int year = digits(s, start, 4);
        int month = digits(s, start + 5, 2);
        int day = digits(s, start + 8, 2);
        int hour = digits(s, start + 11, 2);
        int minute = digits(s, start + 14, 2);
        int second = digits(s, start + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return UNRECOGNISED;
        }
        int end = start + length;
        int i = start + SECONDS_END;
        int millis = 0;
        if (s[i] == '.') {
            int first = ++i;
            while (i < end && i - first < 10 && isDigit(s[i])) {
                if (i - first < 3) {
                    millis = millis * 10 + (s[i] - '0');
                }
                i++;
            }
            int fractionDigits = i - first;
            if (fractionDigits < 1 || fractionDigits > 9) {
                return UNRECOGNISED;
            }
            for (int pad = fractionDigits; pad < 3; pad++) {
                millis *= 10;
            }
        }
        int offsetSeconds = offsetSeconds(s, i, end);
        if (offsetSeconds == Integer.MIN_VALUE) {
            return UNRECOGNISED;
        }
        long epochSecond = epochDay(year, month, day) * SECONDS_PER_DAY + hour * 3_600L + minute * 60L + second
                - offsetSeconds;
        // The fraction is never negative, so this is the floor Instant.toEpochMilli takes before 1970 too.
        return epochSecond * 1_000 + millis;
    }

    /** {@code Z}, or {@code ±HH:mm} below 18 hours, ending the text; {@code Integer.MIN_VALUE} for anything else. */
    private static int offsetSeconds(char[] s, int i, int end) {
        if (end - i == 1 && s[i] == 'Z') {
            return 0;
        }
        if (end - i != 6 || s[i + 3] != ':') {
            return Integer.MIN_VALUE;
        }
        char sign = s[i];
        int hours = digits(s, i + 1, 2);
        int minutes = digits(s, i + 4, 2);
        if ((sign != '+' && sign != '-') || hours < 0 || hours > 17 || minutes < 0 || minutes > 59) {
            return Integer.MIN_VALUE;
        }
        int seconds = hours * 3_600 + minutes * 60;
        return sign == '+' ? seconds : -seconds;
    }

    /** The value of {@code count} ASCII digits, or -1 if one of them is not a digit. */
    private static int digits(char[] s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s[i];
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean isLeap(int year) {
        return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (the civil-from-days inverse, eras of 400 years). */
    static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }
}
