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
}
