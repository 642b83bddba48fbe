package org.infusionwatch.sims.load.baseline;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * What the baseline gateway reads of a device report: the bed and the event time, and for HL7
 * the control id its ACK must answer. Read with plain string scans, for the simulators' own
 * messages ({@code docs/wire-formats.md}); anything else is refused with a clear error.
 *
 * @param unit      the unit (PV1-3.1 for HL7, the topic's unit level for MQTT)
 * @param bed       the bed (PV1-3.3 for HL7, the topic's bed level for MQTT)
 * @param eventMs   the report's time (MSH-7, or the payload's {@code time})
 * @param controlId MSH-10 for HL7; empty for MQTT
 */
record BaselineReport(String unit, String bed, long eventMs, String controlId) {

    /** Reads a PCD-01/PCD-10 message as the simulators write it. */
    static BaselineReport fromHl7(String message) {
        if (!message.startsWith("MSH|")) {
            throw new IllegalArgumentException("not an HL7 message with '|' as field separator");
        }
        String unit = null;
        String bed = null;
        String time = null;
        String controlId = null;
        for (String segment : message.split("\r")) {
            if (segment.startsWith("MSH|")) {
                String[] f = segment.split("\\|", -1);
                // MSH-1 is the separator itself, so MSH-n sits at index n - 1.
                time = f.length > 6 ? f[6] : null;
                controlId = f.length > 9 ? f[9] : null;
            } else if (segment.startsWith("PV1|")) {
                String[] f = segment.split("\\|", -1);
                String[] location = f.length > 3 ? f[3].split("\\^", -1) : new String[0];
                unit = location.length > 0 ? location[0] : null;
                bed = location.length > 2 ? location[2] : null;
            }
        }
        if (unit == null || unit.isEmpty() || bed == null || bed.isEmpty() || time == null || controlId == null || controlId.isEmpty()) {
            throw new IllegalArgumentException("message lacks MSH-7, MSH-10, PV1-3.1 (unit) or PV1-3.3 (bed)");
        }
        return new BaselineReport(topicLevel(unit), topicLevel(bed), hl7Time(time), controlId);
    }

    /** Reads an MQTT observation report: the bed from {@code icu/{unit}/{bed}/{device}/obs}, the time from its payload. */
    static BaselineReport fromMqtt(String topic, String payload) {
        String[] levels = topic.split("/", -1);
        if (levels.length != 5 || !levels[4].equals("obs")) {
            throw new IllegalArgumentException("not an observation topic: " + topic);
        }
        String key = "\"time\":\"";
        int at = payload.indexOf(key);
        int end = at < 0 ? -1 : payload.indexOf('"', at + key.length());
        if (end < 0) {
            throw new IllegalArgumentException("payload without \"time\"");
        }
        return new BaselineReport(levels[1], levels[2], Instant.parse(payload.substring(at + key.length(), end)).toEpochMilli(), "");
    }

    /** A unit or bed as it goes into the alert's topic: refused if MQTT would not take it as one level. */
    private static String topicLevel(String name) {
        if (name.indexOf('/') >= 0 || name.indexOf('+') >= 0 || name.indexOf('#') >= 0) {
            throw new IllegalArgumentException("PV1-3 unit or bed not usable as an MQTT topic level: " + name);
        }
        return name;
    }

    /** {@code yyyyMMddHHmmss[+-]HHMM}, as the simulators write it. */
    static long hl7Time(String dtm) {
        if (dtm.length() != 19 || (dtm.charAt(14) != '+' && dtm.charAt(14) != '-')) {
            throw new IllegalArgumentException("MSH-7 not in the form yyyyMMddHHmmss+HHMM: " + dtm);
        }
        LocalDateTime local = LocalDateTime.of(Integer.parseInt(dtm, 0, 4, 10), Integer.parseInt(dtm, 4, 6, 10),
                Integer.parseInt(dtm, 6, 8, 10), Integer.parseInt(dtm, 8, 10, 10), Integer.parseInt(dtm, 10, 12, 10),
                Integer.parseInt(dtm, 12, 14, 10));
        int offsetMinutes = Integer.parseInt(dtm, 15, 17, 10) * 60 + Integer.parseInt(dtm, 17, 19, 10);
        ZoneOffset offset = ZoneOffset.ofTotalSeconds((dtm.charAt(14) == '-' ? -60 : 60) * offsetMinutes);
        return local.toInstant(offset).toEpochMilli();
    }
}
