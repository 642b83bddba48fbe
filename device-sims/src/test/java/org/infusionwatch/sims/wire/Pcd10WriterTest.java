package org.infusionwatch.sims.wire;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.util.Terser;
import org.junit.jupiter.api.Test;

class Pcd10WriterTest {

    private static final String OBS = "/PATIENT_RESULT/ORDER_OBSERVATION/OBSERVATION";

    private final Pcd10Writer writer = new Pcd10Writer();

    @Test
    void shouldWriteThePumpDeliveryStartOfTheWireFormatSpec() {
        String message = writer.write(WireSamples.PUMP, WireSamples.pumpStart("STUDY-PRODUCT KIT-0042"));

        assertThat(message.split("\r")).containsExactly(
                "MSH|^~\\&|IWSIM_PUMP^0012ABCD00000103^EUI-64|IWSIM|INFUSIONWATCH|IW|20261122110000+0000||ORU^R42^ORU_R01"
                        + "|PUMP-BED01-000007|P|2.6|||AL|NE||UNICODE UTF-8|en^English^ISO639||IHE_PCD_010^IHE PCD"
                        + "^1.3.6.1.4.1.19376.1.6.4.10^ISO",
                "PID|||SIM-BED01^^^IWSIM^PI",
                "PV1||I|ICU-A^^BED01",
                "OBR|1|PUMP-BED01-000007^IWSIM|PUMP-BED01-000007^IWSIM|STUDY-PRODUCT KIT-0042|||20261122110000+0000",
                "OBX|1||70049^MDC_DEV_PUMP_INFUS_LVP_MDS^MDC|1.0.0.0|||||||X|||||||PUMP-BED01^^0012ABCD00000103^EUI-64",
                "OBX|2|CWE|68487^MDC_ATTR_EVT_COND^MDC|1.0.0.2|197288^MDC_EVT_PUMP_DELIV_START^MDC||||||R",
                "OBX|3|ST|184514^MDC_DRUG_NAME_LABEL^MDC|1.1.2.1|STUDY-PRODUCT KIT-0042||||||R",
                "OBX|4|NM|157784^MDC_FLOW_FLUID_PUMP^MDC|1.1.2.2|100|265266^MDC_DIM_MILLI_L_PER_HR^MDC^mL/h^mL/h^UCUM|||||R",
                "OBX|5|NM|68063^MDC_ATTR_PT_WEIGHT^MDC|1.1.2.3|80|263875^MDC_DIM_KILO_G^MDC^kg^kg^UCUM|||||R");
    }

    @Test
    void shouldBeReadByHapiAsAnR42WithTheEventAndThePumpAttributes() throws Exception {
        Terser terser = Hl7Parsing.parse(writer.write(WireSamples.PUMP, WireSamples.pumpStart("STUDY-PRODUCT KIT-0042")));

        assertThat(terser.get("/MSH-9-2")).isEqualTo("R42");
        assertThat(terser.get("/MSH-10")).isEqualTo("PUMP-BED01-000007");
        assertThat(terser.get("/PATIENT_RESULT/PATIENT/VISIT/PV1-3-3")).isEqualTo("BED01");
        assertThat(terser.get(OBS + "(0)/OBX-18-1")).isEqualTo("PUMP-BED01");
        assertThat(terser.get(OBS + "(1)/OBX-3-2")).isEqualTo("MDC_ATTR_EVT_COND");
        assertThat(terser.get(OBS + "(1)/OBX-5-1")).isEqualTo("197288");
        assertThat(terser.get(OBS + "(1)/OBX-5-2")).isEqualTo("MDC_EVT_PUMP_DELIV_START");
        assertThat(terser.get(OBS + "(3)/OBX-6-1")).isEqualTo("265266");
        assertThat(terser.get(OBS + "(3)/OBX-6-4")).isEqualTo("mL/h");
        assertThat(terser.get(OBS + "(3)/OBX-14")).isNull();
        assertThat(terser.get(OBS + "(3)/OBX-17")).isNull();
    }

    @Test
    void shouldEscapeDelimitersInTheDrugLabelSoThatTheyRoundTrip() throws Exception {
        String label = "KIT|42^A~B\\C&D";

        String message = writer.write(WireSamples.PUMP, WireSamples.pumpStart(label));
        Terser terser = Hl7Parsing.parse(message);

        assertThat(message).contains("KIT\\F\\42\\S\\A\\R\\B\\E\\C\\T\\D");
        assertThat(terser.get(OBS + "(2)/OBX-5")).isEqualTo(label);
        assertThat(terser.get("/PATIENT_RESULT/ORDER_OBSERVATION/OBR-4-1")).isEqualTo(label);
    }
}
