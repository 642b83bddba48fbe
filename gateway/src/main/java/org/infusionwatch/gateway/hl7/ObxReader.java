package org.infusionwatch.gateway.hl7;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.model.Segment;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.infusionwatch.agent.model.Observation;
import org.infusionwatch.agent.model.ObservationKind;

/**
 * Reads one OBX into an {@link Observation} as docs/wire-formats.md says: code from OBX-3, value
 * from OBX-5 by its type (OBX-2), unit from OBX-6, kind from OBX-17. Time and device come from the
 * caller, which knows the surrounding OBR, MSH and preceding OBX rows. Stateless.
 */
final class ObxReader {

    /** HL7 NM: optional sign, digits, optional decimal point. No exponent, no NaN, no hex. */
    private static final Pattern NM = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");
    private static final Set<String> CODED = Set.of("CWE", "CE", "CNE", "CF");
    private static final String MDC = "MDC";

    /** OBX-3 as the MDC code and reference id. */
    record Code(int mdcCode, String refId) {
    }

    private ObxReader() {
    }

    /** True when OBX-5 is empty: a device hierarchy row (MDS/VMD/CHAN), not an observation. */
    static boolean hasValue(Segment obx) {
        return !Hl7Fields.isEmpty(obx, 5);
    }

    /**
     * OBX-3 component 1 and 2. When the primary coding names another system but the alternate one
     * (components 4–6) is MDC, the alternate is read (LOINC-first dual coding from NIST tools).
     * A code of another system ({@code 99COMEN}, {@code MDIL}, {@code LN}) is not an MDC code: 0,
     * so a private number can never be taken for an MDC term; the reference id is kept.
     */
    static Code code(Segment obx) {
        String system = Hl7Fields.get(obx, 3, 3);
        if (system.isEmpty() || MDC.equalsIgnoreCase(system)) {
            return new Code(number(Hl7Fields.get(obx, 3, 1)), Hl7Fields.get(obx, 3, 2));
        }
        if (MDC.equalsIgnoreCase(Hl7Fields.get(obx, 3, 6))) {
            return new Code(number(Hl7Fields.get(obx, 3, 4)), Hl7Fields.get(obx, 3, 5));
        }
        return new Code(0, Hl7Fields.get(obx, 3, 2));
    }

    /**
     * @param location ERR-2 of OBX-5, for the refusal
     * @throws Hl7Refusal AE when an NM value is not a number
     */
    static Observation read(Segment obx, String location, long timeMs, String deviceId) throws Hl7Refusal {
        Code code = code(obx);
        String type = Hl7Fields.get(obx, 2, 1).toUpperCase(Locale.ROOT);
        double value = Double.NaN;
        String text;
        if ("NM".equals(type)) {
            text = Hl7Fields.text(Hl7Fields.field(obx, 5, 0));
            if (!NM.matcher(text).matches()) {
                throw Hl7Refusal.error(ErrorCode.DATA_TYPE_ERROR,
                        "OBX-5 of type NM is not a number (" + code.refId() + ")", location);
            }
            value = Double.parseDouble(text);
        } else if (CODED.contains(type)) {
            text = codedText(obx);
        } else {
            text = allRepetitions(obx);
        }
        String unitCode = Hl7Fields.get(obx, 6, 1);
        return new Observation(code.mdcCode(), code.refId(), value, text, unit(obx), number(unitCode),
                ObservationKind.fromObx17(Hl7Fields.get(obx, 17, 1)), timeMs, deviceId);
    }

    /**
     * OBX-6 component 2 (the MDC reference id), or component 1 when it is empty or when only UCUM
     * is sent ({@code {beats}/min^beats per minute^UCUM}: component 2 is then free text).
     */
    private static String unit(Segment obx) {
        String identifier = Hl7Fields.get(obx, 6, 1);
        String text = Hl7Fields.get(obx, 6, 2);
        boolean ucumOnly = "UCUM".equalsIgnoreCase(Hl7Fields.get(obx, 6, 3));
        return ucumOnly || text.isEmpty() ? identifier : text;
    }

    /**
     * Component 1 of a coded value, or component 2 when component 1 is empty. An MDC event code
     * ({@code 197288^MDC_EVT_PUMP_DELIV_START^MDC}) is kept whole, so its reference id survives.
     */
    private static String codedText(Segment obx) {
        String identifier = Hl7Fields.get(obx, 5, 1);
        String text = Hl7Fields.get(obx, 5, 2);
        if (text.startsWith("MDC_EVT_")) {
            return Hl7Fields.text(Hl7Fields.field(obx, 5, 0));
        }
        return identifier.isEmpty() ? text : identifier;
    }

    /** ST/TX/FT, NA/NR and any other type: the whole value; repetitions joined with {@code ~}. */
    private static String allRepetitions(Segment obx) {
        StringBuilder out = new StringBuilder();
        for (int rep = 0; rep < Hl7Fields.repetitions(obx, 5); rep++) {
            if (rep > 0) {
                out.append('~');
            }
            out.append(Hl7Fields.text(Hl7Fields.field(obx, 5, rep)));
        }
        return out.toString();
    }

    /** A non-negative code that fits 32 bits signed, else 0 (placeholder, non-MDC or garbage). */
    static int number(String value) {
        return DIGITS.matcher(value).matches() ? Integer.parseInt(value) : 0;
    }
}
