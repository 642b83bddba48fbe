package org.infusionwatch.gateway.hl7;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.model.Segment;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads HL7 {@code DTM} values: {@code YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ]}. Missing
 * parts are the start of the period; without an offset the time is UTC. Whitespace inside the
 * value is ignored, so {@code 20080101123456- 0600} (seen in the IHE PCD-03 examples) reads as
 * {@code -06:00}. Stateless.
 */
final class Hl7Time {

    private static final Pattern DTM = Pattern.compile(
            "(\\d{4})(?:(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:\\.(\\d{1,9}))?)?)?)?)?)?"
                    + "(?:([+-])(\\d{2})(\\d{2})?)?");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Hl7Time() {
    }

    /**
     * @param dtm a non-empty HL7 DTM
     * @return epoch milliseconds
     * @throws IllegalArgumentException if it is not a valid DTM
     */
    static long toEpochMs(String dtm) {
        Matcher m = DTM.matcher(WHITESPACE.matcher(dtm).replaceAll(""));
        if (!m.matches()) {
            throw new IllegalArgumentException("not an HL7 DTM");
        }
        try {
            LocalDateTime local = LocalDateTime.of(
                    Integer.parseInt(m.group(1)), part(m, 2, 1), part(m, 3, 1),
                    part(m, 4, 0), part(m, 5, 0), part(m, 6, 0), nanos(m.group(7)));
            return local.toInstant(offset(m)).toEpochMilli();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not an HL7 DTM", e);
        }
    }

    /**
     * The DTM in component 1 of a field, null when the field is empty.
     *
     * @param location ERR-2 of the field, for the refusal
     * @throws Hl7Refusal AE when the value is not a valid DTM
     */
    static Long field(Segment segment, int field, String location) throws Hl7Refusal {
        String value = Hl7Fields.get(segment, field, 1);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return toEpochMs(value);
        } catch (IllegalArgumentException e) {
            throw Hl7Refusal.error(ErrorCode.DATA_TYPE_ERROR,
                    segment.getName() + "-" + field + " is not a valid HL7 date/time", location);
        }
    }

    private static int part(Matcher m, int group, int absent) {
        String value = m.group(group);
        return value == null ? absent : Integer.parseInt(value);
    }

    private static int nanos(String fraction) {
        if (fraction == null) {
            return 0;
        }
        return Integer.parseInt((fraction + "000000000").substring(0, 9));
    }

    private static ZoneOffset offset(Matcher m) {
        if (m.group(8) == null) {
            return ZoneOffset.UTC;
        }
        int sign = "-".equals(m.group(8)) ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * Integer.parseInt(m.group(9)), sign * part(m, 10, 0));
    }
}
