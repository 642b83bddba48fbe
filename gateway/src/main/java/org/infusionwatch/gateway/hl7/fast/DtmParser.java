package org.infusionwatch.gateway.hl7.fast;

import java.util.Arrays;

/**
 * Reads HL7 {@code DTM} bytes, {@code YYYY[MM[DD[HH[MM[SS[.S{1,9}]]]]]][+/-HH[MM]]}, into epoch
 * milliseconds with the rules of the HAPI path's {@code Hl7Time}: missing parts are the start of
 * the period, no offset means UTC, the date must exist and the offset must be a valid
 * {@code ZoneOffset}. Anything else (whitespace inside, an impossible date) is left to HAPI, which
 * accepts the whitespace or refuses the message with its own reason and location.
 *
 * <p>Reports time-stamp MSH-7, OBR-7 and every OBX-14 alike, so the last value read is remembered.
 * One per decoder; not thread-safe.
 */
final class DtmParser {

    /** No time: the value was empty. */
    static final long NONE = Long.MIN_VALUE;

    private static final int MAX_REMEMBERED = 32;
    private static final long DAYS_0000_TO_1970 = 719_528L;
    private static final int MAX_OFFSET_SECONDS = 18 * 3600;

    private final byte[] lastBytes = new byte[MAX_REMEMBERED];
    private int lastLength = -1;
    private long lastMs;

    /** @return epoch milliseconds, or {@link #NONE} for an empty value */
    long parse(Slice s) {
        int length = s.length();
        if (length == 0) {
            return NONE;
        }
        if (length == lastLength && Arrays.equals(lastBytes, 0, length, s.buf, s.from, s.to)) {
            return lastMs;
        }
        long ms = parse(s.buf, s.from, s.to);
        if (length <= MAX_REMEMBERED) {
            System.arraycopy(s.buf, s.from, lastBytes, 0, length);
            lastLength = length;
            lastMs = ms;
        }
        return ms;
    }

    /** @throws Fallback when the bytes are not a DTM this parser reads exactly as {@code Hl7Time} */
    static long parse(byte[] b, int from, int to) {
        int digits = 0;
        while (from + digits < to && isDigit(b[from + digits])) {
            digits++;
        }
        if (digits < 4 || digits > 14 || (digits & 1) != 0) {
            throw invalid();
        }
        int year = number(b, from, 4);
        int month = digits >= 6 ? number(b, from + 4, 2) : 1;
        int day = digits >= 8 ? number(b, from + 6, 2) : 1;
        int hour = digits >= 10 ? number(b, from + 8, 2) : 0;
        int minute = digits >= 12 ? number(b, from + 10, 2) : 0;
        int second = digits >= 14 ? number(b, from + 12, 2) : 0;
        int p = from + digits;
        int millis = 0;
        if (digits == 14 && p < to && b[p] == '.') {
            int fraction = 0;
            p++;
            while (p + fraction < to && isDigit(b[p + fraction])) {
                fraction++;
            }
            if (fraction < 1 || fraction > 9) {
                throw invalid();
            }
            // Nanoseconds are the fraction padded to nine digits; milliseconds their first three.
            for (int i = 0; i < 3; i++) {
                millis = millis * 10 + (i < fraction ? b[p + i] - '0' : 0);
            }
            p += fraction;
        }
        int offsetSeconds = 0;
        if (p < to) {
            offsetSeconds = offset(b, p, to);
        }
        if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)
                || hour > 23 || minute > 59 || second > 59) {
            throw invalid();
        }
        long epochSecond = epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second
                - offsetSeconds;
        return epochSecond * 1000L + millis;
    }

    /** {@code [+-]HH[MM]} to the end, as {@code ZoneOffset.ofHoursMinutes} accepts it. */
    private static int offset(byte[] b, int p, int to) {
        int sign;
        if (b[p] == '+') {
            sign = 1;
        } else if (b[p] == '-') {
            sign = -1;
        } else {
            throw invalid();
        }
        int length = to - p - 1;
        if ((length != 2 && length != 4) || !allDigits(b, p + 1, to)) {
            throw invalid();
        }
        int hours = number(b, p + 1, 2);
        int minutes = length == 4 ? number(b, p + 3, 2) : 0;
        int total = hours * 3600 + minutes * 60;
        if (hours > 18 || minutes > 59 || total > MAX_OFFSET_SECONDS) {
            throw invalid();
        }
        return sign * total;
    }

    /** {@code LocalDate.toEpochDay} for years 0..9999. */
    private static long epochDay(int year, int month, int day) {
        long y = year;
        long total = 365 * y + (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
        total += (367L * month - 362) / 12;
        total += day - 1;
        if (month > 2) {
            total--;
            if (!isLeapYear(year)) {
                total--;
            }
        }
        return total - DAYS_0000_TO_1970;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> isLeapYear(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean isLeapYear(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    private static int number(byte[] b, int from, int digits) {
        int value = 0;
        for (int i = from; i < from + digits; i++) {
            value = value * 10 + (b[i] - '0');
        }
        return value;
    }

    private static boolean allDigits(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(b[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static Fallback invalid() {
        return Fallback.of(Fallback.Reason.REFUSAL);
    }
}
