package org.infusionwatch.sims.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.hl7v2.util.Terser;
import org.junit.jupiter.api.Test;

class Pcd01WriterTest {

    private static final String OBS = "/PATIENT_RESULT/ORDER_OBSERVATION/OBSERVATION";

    private final Pcd01Writer writer = new Pcd01Writer();

    @Test
    void shouldWriteTheVentilatorReportOfTheWireFormatSpec() {
        String message = writer.write(WireSamples.VENT, WireSamples.ventReport());

        // docs/wire-formats.md, with OBX-17 where its text puts it: the spec's example lines carry
        // one '|' too few before MSET/AMEAS (and before R in the CWE line), which moves them to OBX-16.
        assertThat(message.split("\r")).containsExactly(
                "MSH|^~\\&|IWSIM_VENT^0012ABCD00000101^EUI-64|IWSIM|INFUSIONWATCH|IW|20261122101500+0000||ORU^R01^ORU_R01"
                        + "|VENT-BED01-000042|P|2.6|||AL|NE||UNICODE UTF-8|en^English^ISO639||IHE_PCD_001^IHE PCD"
                        + "^1.3.6.1.4.1.19376.1.6.1.1.1^ISO",
                "PID|||SIM-BED01^^^IWSIM^PI",
                "PV1||I|ICU-A^^BED01",
                "OBR|1|VENT-BED01-000042^IWSIM|VENT-BED01-000042^IWSIM|70001^MDC_DEV_SYS_PT_VENT_MDS^MDC|||20261122101500+0000",
                "OBX|1||70001^MDC_DEV_SYS_PT_VENT_MDS^MDC|1.0.0.0|||||||X|||||||VENT-BED01^^0012ABCD00000101^EUI-64",
                "OBX|2|NM|151720^MDC_VENT_CONC_AWAY_O2^MDC|1.1.1.1|40|262688^MDC_DIM_PERCENT^MDC|||||R|||20261122101500+0000"
                        + "|||MSET^manual-setting^MDC",
                "OBX|3|NM|151804^MDC_PRESS_AWAY_END_EXP_POS^MDC|1.1.1.2|8|266048^MDC_DIM_CM_H2O^MDC|||||R|||20261122101500+0000"
                        + "|||MSET^manual-setting^MDC",
                "OBX|4|CWE|184352^MDC_VENT_MODE^MDC|1.1.1.3|^vent-mode-insp-assist||||||R|||20261122101500+0000"
                        + "|||MSET^manual-setting^MDC",
                "OBX|5|NM|151586^MDC_VENT_RESP_RATE^MDC|1.1.1.4|22|264928^MDC_DIM_RESP_PER_MIN^MDC|||||R|||20261122101500+0000"
                        + "|||AMEAS^auto-measurement^MDC");
        assertThat(message).endsWith("\r").doesNotContain("\n");
    }

    @Test
    void shouldBeReadByHapiWithTheFieldsTheGatewayUses() throws Exception {
        Terser terser = Hl7Parsing.parse(writer.write(WireSamples.VENT, WireSamples.ventReport()));

        assertThat(terser.get("/MSH-9-1")).isEqualTo("ORU");
        assertThat(terser.get("/MSH-9-2")).isEqualTo("R01");
        assertThat(terser.get("/MSH-9-3")).isEqualTo("ORU_R01");
        assertThat(terser.get("/MSH-10")).isEqualTo("VENT-BED01-000042");
        assertThat(terser.get("/MSH-7")).isEqualTo("20261122101500+0000");
        assertThat(terser.get("/PATIENT_RESULT/PATIENT/PID-3-1")).isEqualTo("SIM-BED01");
        assertThat(terser.get("/PATIENT_RESULT/PATIENT/VISIT/PV1-3-1")).isEqualTo("ICU-A");
        assertThat(terser.get("/PATIENT_RESULT/PATIENT/VISIT/PV1-3-3")).isEqualTo("BED01");
        assertThat(terser.get("/PATIENT_RESULT/ORDER_OBSERVATION/OBR-7")).isEqualTo("20261122101500+0000");

        assertThat(terser.get(OBS + "(0)/OBX-3-1")).isEqualTo("70001");
        assertThat(terser.get(OBS + "(0)/OBX-18-1")).isEqualTo("VENT-BED01");
        assertThat(terser.get(OBS + "(0)/OBX-18-3")).isEqualTo("0012ABCD00000101");
        assertThat(terser.get(OBS + "(0)/OBX-18-4")).isEqualTo("EUI-64");

        assertThat(terser.get(OBS + "(1)/OBX-3-1")).isEqualTo("151720");
        assertThat(terser.get(OBS + "(1)/OBX-3-2")).isEqualTo("MDC_VENT_CONC_AWAY_O2");
        assertThat(terser.get(OBS + "(1)/OBX-5")).isEqualTo("40");
        assertThat(terser.get(OBS + "(1)/OBX-6-1")).isEqualTo("262688");
        assertThat(terser.get(OBS + "(1)/OBX-6-2")).isEqualTo("MDC_DIM_PERCENT");
        assertThat(terser.get(OBS + "(1)/OBX-14")).isEqualTo("20261122101500+0000");
        assertThat(terser.get(OBS + "(1)/OBX-17-1")).isEqualTo("MSET");
        assertThat(terser.get(OBS + "(1)/OBX-17-2")).isEqualTo("manual-setting");
        assertThat(terser.get(OBS + "(2)/OBX-3-2")).isEqualTo("MDC_PRESS_AWAY_END_EXP_POS");
        assertThat(terser.get(OBS + "(2)/OBX-5")).isEqualTo("8");
        assertThat(terser.get(OBS + "(3)/OBX-5-1")).isNull();
        assertThat(terser.get(OBS + "(3)/OBX-5-2")).isEqualTo("vent-mode-insp-assist");
        assertThat(terser.get(OBS + "(4)/OBX-17-1")).isEqualTo("AMEAS");
    }

    @Test
    void shouldRefusePumpEvents() {
        assertThatThrownBy(() -> writer.write(WireSamples.PUMP, WireSamples.pumpStart("X")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Pcd10Writer");
    }
}
