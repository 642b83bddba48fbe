package org.infusionwatch.gateway.hl7;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.model.Segment;
import java.util.List;
import java.util.Locale;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.agent.model.ClinicianEntry;

/**
 * Reads a clinician entry that a charting system sends as HL7 v2 (docs/wire-formats.md, "Clinician
 * entries over HL7"): an {@code ORU^R01} whose first OBR-4 names the service {@value #SERVICE}, with
 * <ul>
 *   <li>one OBX {@value #TYPE}: the entry type in OBX-5 component 1 (CARDIOVERSION, DEATH ...),
 *       when in OBX-14 (else OBR-7), who in OBX-16 component 1 (the responsible observer);</li>
 *   <li>optionally OBX {@value #NOTE} rows with free text (e.g. the signs of a reaction);</li>
 *   <li>the bed in PV1-3 (unit^^bed); the entry id in OBR-3 component 1 (the charting system's id),
 *       else MSH-10.</li>
 * </ul>
 * Only the first OBR group is read; PID is never read. MSH-7 is not taken as the entry's time: it
 * says when the message was sent, and an event placed at the wrong time can fall outside its window.
 * Stateless.
 */
final class EntryReader {
    /** OBR-4 component 1 of a clinician entry (a local code: HL7 local tables begin with 99). */
    static final String SERVICE = "IW_ENTRY";
    /** OBX-3 component 1 of the row that carries the entry type, its time and its author. */
    static final String TYPE = "IW_ENTRY_TYPE";
    /** OBX-3 component 1 of a free-text note row. */
    static final String NOTE = "IW_ENTRY_NOTE";
    private static final String WITHDRAWN = "W";

    private EntryReader() {
    }

    /** True when the first OBR names the clinician-entry service. */
    static boolean isEntry(List<Segment> segments) {
        for (Segment segment : segments) {
            if ("OBR".equals(segment.getName())) {
                return SERVICE.equals(Hl7Fields.get(segment, 4, 1));
            }
        }
        return false;
    }

    /**
     * @param segments  the message's segments in order
     * @param controlId MSH-10, the entry id when OBR-3 is empty
     * @throws Hl7Refusal AE naming the field when the entry cannot be applied: no bed, no type row,
     *                    an unknown type, no time, no author, a withdrawn entry
     */
    static ClinicianEntry read(List<Segment> segments, String controlId) throws Hl7Refusal {
        BedRef bed = null;
        Segment obr = null;
        Segment typeRow = null;
        String typeLocation = null;
        StringBuilder note = new StringBuilder();
        int obxCount = 0;
        for (Segment segment : segments) {
            String name = segment.getName();
            if ("PV1".equals(name) && bed == null) {
                bed = bedOf(segment);
            } else if ("OBR".equals(name)) {
                if (obr != null) {
                    break;
                }
                obr = segment;
            } else if ("OBX".equals(name) && obr != null) {
                obxCount++;
                String code = Hl7Fields.get(segment, 3, 1);
                if (TYPE.equals(code) && typeRow == null) {
                    typeRow = segment;
                    typeLocation = "OBX^" + Hl7Fields.sequence(segment, obxCount);
                } else if (NOTE.equals(code)) {
                    appendNote(note, segment);
                }
            }
        }
        if (bed == null) {
            throw Hl7Refusal.error(ErrorCode.REQUIRED_FIELD_MISSING,
                    "a clinician entry needs its bed: PV1-3 must name unit and bed", "PV1^1^3");
        }
        if (typeRow == null) {
            throw Hl7Refusal.error(ErrorCode.REQUIRED_FIELD_MISSING,
                    "a clinician entry needs an OBX " + TYPE + " row",
                    obr == null ? "OBR^1^4" : "OBR^" + Hl7Fields.sequence(obr, 1) + "^4");
        }
        if (WITHDRAWN.equals(Hl7Fields.get(typeRow, 11, 1))) {
            // Applying a withdrawn entry would raise the very event it takes back.
            throw Hl7Refusal.error(ErrorCode.TABLE_VALUE_NOT_FOUND,
                    "a withdrawn entry (OBX-11 W) is not applied: chart a NOTE on the alert instead",
                    typeLocation + "^11");
        }
        String obrLocation = "OBR^" + Hl7Fields.sequence(obr, 1);
        ClinicianEntry.Type type = typeOf(typeRow, typeLocation);
        Long timeMs = Hl7Time.field(typeRow, 14, typeLocation + "^14");
        if (timeMs == null) {
            timeMs = Hl7Time.field(obr, 7, obrLocation + "^7");
        }
        if (timeMs == null) {
            throw Hl7Refusal.error(ErrorCode.REQUIRED_FIELD_MISSING,
                    "no entry time (OBX-14 and OBR-7 empty)", typeLocation + "^14");
        }
        String by = Hl7Fields.get(typeRow, 16, 1);
        if (by.isEmpty()) {
            throw Hl7Refusal.error(ErrorCode.REQUIRED_FIELD_MISSING,
                    "no author: OBX-16 (responsible observer) is empty", typeLocation + "^16");
        }
        String entryId = Hl7Fields.get(obr, 3, 1);
        if (entryId.isEmpty()) {
            entryId = controlId;
        }
        if (entryId.isEmpty()) {
            throw Hl7Refusal.error(ErrorCode.REQUIRED_FIELD_MISSING,
                    "no entry id (OBR-3 and MSH-10 empty)", obrLocation + "^3");
        }
        return new ClinicianEntry(entryId, bed, type, timeMs, by, note.toString());
    }

    private static BedRef bedOf(Segment pv1) {
        String unit = Hl7Fields.get(pv1, 3, 1);
        String bedId = Hl7Fields.get(pv1, 3, 3);
        return unit.isEmpty() || bedId.isEmpty() ? null : new BedRef(unit, bedId);
    }

    private static ClinicianEntry.Type typeOf(Segment row, String location) throws Hl7Refusal {
        String value = Hl7Fields.get(row, 5, 1).toUpperCase(Locale.ROOT);
        for (ClinicianEntry.Type type : ClinicianEntry.Type.values()) {
            if (type.name().equals(value)) {
                return type;
            }
        }
        // The value is not quoted: reasons name fields, never their content.
        throw Hl7Refusal.error(ErrorCode.TABLE_VALUE_NOT_FOUND,
                "OBX-5 is not a known entry type (" + knownTypes() + ")", location + "^5");
    }

    private static String knownTypes() {
        StringBuilder out = new StringBuilder();
        for (ClinicianEntry.Type type : ClinicianEntry.Type.values()) {
            out.append(out.length() == 0 ? "" : ", ").append(type.name());
        }
        return out.toString();
    }

    private static void appendNote(StringBuilder note, Segment row) {
        for (int rep = 0; rep < Hl7Fields.repetitions(row, 5); rep++) {
            String text = Hl7Fields.text(Hl7Fields.field(row, 5, rep));
            if (!text.isEmpty()) {
                note.append(note.length() == 0 ? "" : " ").append(text);
            }
        }
    }
}
