package org.infusionwatch.sims.wire;

import org.infusionwatch.sims.model.ClinicianEntry;

/**
 * Writes a clinician entry as a charting system sends it to InfusionWatch over HL7 v2, in the form
 * of {@code docs/wire-formats.md} ("Clinician entries over HL7"): an {@code ORU^R01} whose OBR-4 is
 * the service {@code IW_ENTRY}, one OBX {@code IW_ENTRY_TYPE} with the type (OBX-5), the time
 * (OBX-14) and the author (OBX-16), and an OBX {@code IW_ENTRY_NOTE} when there is a note. The
 * entry id goes in OBR-3 so that the gateway applies a repeated entry once.
 *
 * <p>Threading: stateless and thread-safe.
 */
public final class Hl7EntryWriter {

    static final String MESSAGE_TYPE = "ORU^R01^ORU_R01";
    static final String SENDING_APPLICATION = "IWSIM_CHART";
    private static final String LOCAL = "99IW";
    private static final String SERVICE = "IW_ENTRY^InfusionWatch clinician entry^" + LOCAL;
    private static final String TYPE = "IW_ENTRY_TYPE^Clinician entry type^" + LOCAL;
    private static final String NOTE = "IW_ENTRY_NOTE^Clinician note^" + LOCAL;

    /**
     * @param unit point of care, e.g. {@code ICU-A}
     * @param bed  e.g. {@code BED01}
     */
    public String write(String unit, String bed, ClinicianEntry entry) {
        String time = Hl7Text.timestamp(entry.timeMs());
        String id = Hl7Text.escape(entry.entryId());
        String by = Hl7Text.escape(entry.by());
        StringBuilder out = new StringBuilder(768);
        new Hl7Segment("MSH")
                .set(3, SENDING_APPLICATION)
                .set(4, Hl7DeviceMessages.SENDING_FACILITY)
                .set(5, "INFUSIONWATCH")
                .set(6, "IW")
                .set(7, time)
                .set(9, MESSAGE_TYPE)
                .set(10, "CHART-" + id)
                .set(11, "P")
                .set(12, "2.6")
                .set(15, "AL")
                .set(16, "NE")
                .set(18, "UNICODE UTF-8")
                .appendTo(out);
        // The simulators' fake patient id, as their devices send it; the gateway never reads PID.
        new Hl7Segment("PID").set(3, "SIM-" + Hl7Text.escape(bed) + "^^^" + Hl7DeviceMessages.SENDING_FACILITY + "^PI")
                .appendTo(out);
        new Hl7Segment("PV1").set(2, "I").set(3, Hl7Text.escape(unit) + "^^" + Hl7Text.escape(bed)).appendTo(out);
        new Hl7Segment("OBR")
                .set(1, "1")
                .set(3, id + "^" + SENDING_APPLICATION)
                .set(4, SERVICE)
                .set(7, time)
                .appendTo(out);
        new Hl7Segment("OBX")
                .set(1, "1")
                .set(2, "CWE")
                .set(3, TYPE)
                .set(5, Hl7Text.escape(entry.type()) + "^^" + LOCAL)
                .set(11, "F")
                .set(14, time)
                .set(16, by)
                .appendTo(out);
        if (!entry.note().isEmpty()) {
            new Hl7Segment("OBX")
                    .set(1, "2")
                    .set(2, "TX")
                    .set(3, NOTE)
                    .set(5, Hl7Text.escape(entry.note()))
                    .set(11, "F")
                    .set(14, time)
                    .set(16, by)
                    .appendTo(out);
        }
        return out.toString();
    }
}
