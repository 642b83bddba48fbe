package org.infusionwatch.gateway.testing;

/** Hand-written IHE PCD messages for gateway tests. Segments end with \r. */
public final class Pcd01Messages {
    private Pcd01Messages() {
    }

    /** A ventilator report with set FiO2 and PEEP for {@code bed}, control id {@code id}. */
    public static String ventilator(String id, String bed, String fio2, String peep) {
        return String.join("\r",
                "MSH|^~\\&|TEST_VENT^0012ABCD00000999^EUI-64|TEST|INFUSIONWATCH|IW|20261122101500+0000||ORU^R01^ORU_R01|" + id
                        + "|P|2.6|||AL|NE||UNICODE UTF-8|en^English^ISO639||IHE_PCD_001^IHE PCD^1.3.6.1.4.1.19376.1.6.1.1.1^ISO",
                "PID|||TEST-" + bed + "^^^TEST^PI",
                "PV1||I|ICU-T^^" + bed,
                "OBR|1|" + id + "^TEST|" + id + "^TEST|70001^MDC_DEV_SYS_PT_VENT_MDS^MDC|||20261122101500+0000",
                "OBX|1||70001^MDC_DEV_SYS_PT_VENT_MDS^MDC|1.0.0.0|||||||X|||||||VENT-" + bed + "^^0012ABCD00000999^EUI-64",
                "OBX|2|NM|151720^MDC_VENT_CONC_AWAY_O2^MDC|1.1.1.1|" + fio2
                        + "|262688^MDC_DIM_PERCENT^MDC|||||R|||20261122101500+0000|||MSET^manual-setting^MDC",
                "OBX|3|NM|151804^MDC_PRESS_AWAY_END_EXP_POS^MDC|1.1.1.2|" + peep
                        + "|266048^MDC_DIM_CM_H2O^MDC|||||R|||20261122101500+0000|||MSET^manual-setting^MDC") + "\r";
    }

    /** The same report without PV1, as pumps often send: only the device table can place it. */
    public static String ventilatorWithoutBed(String id) {
        return ventilator(id, "BEDX", "40", "8").replace("PV1||I|ICU-T^^BEDX\r", "");
    }

    private static final java.time.format.DateTimeFormatter HL7_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss'+0000'").withZone(java.time.ZoneOffset.UTC);

    /** A ventilator report at {@code time}. */
    public static String ventilatorAt(String id, String bed, java.time.Instant time, String fio2, String peep) {
        return ventilator(id, bed, fio2, peep).replace("20261122101500+0000", HL7_TIME.format(time));
    }

    /** A study pump's delivery start (IHE PCD-10) at {@code time}. */
    public static String studyStartAt(String id, String bed, java.time.Instant time) {
        String t = HL7_TIME.format(time);
        return String.join("\r",
                "MSH|^~\\&|TEST_PUMP^0012ABCD00000998^EUI-64|TEST|INFUSIONWATCH|IW|" + t + "||ORU^R42^ORU_R01|" + id
                        + "|P|2.6|||AL|NE||UNICODE UTF-8|en^English^ISO639||IHE_PCD_010^IHE PCD^1.3.6.1.4.1.19376.1.6.4.10^ISO",
                "PV1||I|ICU-T^^" + bed,
                "OBR|1|" + id + "^TEST|" + id + "^TEST|STUDY-PRODUCT KIT-0042|||" + t,
                "OBX|1||70049^MDC_DEV_PUMP_INFUS_LVP_MDS^MDC|1.0.0.0|||||||X|||||||PUMP-" + bed + "^^0012ABCD00000998^EUI-64",
                "OBX|2|CWE|68487^MDC_ATTR_EVT_COND^MDC|1.0.0.2|197288^MDC_EVT_PUMP_DELIV_START^MDC||||||R",
                "OBX|3|ST|184514^MDC_DRUG_NAME_LABEL^MDC|1.1.2.1|STUDY-PRODUCT KIT-0042||||||R",
                "OBX|4|NM|157784^MDC_FLOW_FLUID_PUMP^MDC|1.1.2.2|100|265266^MDC_DIM_MILLI_L_PER_HR^MDC^mL/h^mL/h^UCUM|||||R")
                + "\r";
    }

    /**
     * A whole hypoxemic infusion for {@code bed}: settings every 5 min from T0-60 min, the study
     * start at T0, FiO2 40→70 % and PEEP 8→14 at T0+2 h, reports until T0+2 h 30 min, so the
     * 15 min hold completes on message time alone.
     */
    public static java.util.List<String> hypoxemicInfusion(String bed, java.time.Instant t0) {
        java.util.List<String> messages = new java.util.ArrayList<>();
        int n = 0;
        for (int m = -60; m <= 150; m += 5) {
            if (m == 0) {
                messages.add(studyStartAt(bed + "-P-" + n++, bed, t0));
            }
            boolean up = m >= 120;
            messages.add(ventilatorAt(bed + "-V-" + n++, bed, t0.plusSeconds(m * 60L), up ? "70" : "40", up ? "14" : "8"));
        }
        return messages;
    }
}
