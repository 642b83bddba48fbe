package org.infusionwatch.gateway.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.agent.model.DeviceReport;
import org.infusionwatch.agent.model.Observation;
import org.infusionwatch.agent.model.ObservationKind;
import org.infusionwatch.agent.model.ReportKind;
import org.junit.jupiter.api.Test;

/**
 * Hand-written messages for the rules of docs/wire-formats.md; every ACK is parsed back with HAPI.
 * The ventilator report is the one of the docs, with OBX-17 where IHE PCD puts it (the docs'
 * example has one field separator too few, which puts MSET in OBX-16).
 */
class PcdMessageDecoderTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final String MSH_VENT = "MSH|^~\\&|IWSIM_VENT^0012ABCD00000101^EUI-64|IWSIM|INFUSIONWATCH|IW|"
            + "20261122101500+0000||ORU^R01^ORU_R01|VENT-BED01-000042|P|2.6|||AL|NE||UNICODE UTF-8\r";
    private static final String VENT = MSH_VENT
            + "PID|||SIM-BED01^^^IWSIM^PI\r"
            + "PV1||I|ICU-A^^BED01\r"
            + "OBR|1|VENT-BED01-000042^IWSIM|VENT-BED01-000042^IWSIM|70001^MDC_DEV_SYS_PT_VENT_MDS^MDC|||20261122101500+0000\r"
            + "OBX|1||70001^MDC_DEV_SYS_PT_VENT_MDS^MDC|1.0.0.0|||||||X|||||||VENT-BED01^^0012ABCD00000101^EUI-64\r"
            + "OBX|2|NM|151720^MDC_VENT_CONC_AWAY_O2^MDC|1.1.1.1|40|262688^MDC_DIM_PERCENT^MDC|||||R|||20261122101500+0000|||MSET^manual-setting^MDC\r"
            + "OBX|3|NM|151804^MDC_PRESS_AWAY_END_EXP_POS^MDC|1.1.1.2|8|266048^MDC_DIM_CM_H2O^MDC|||||R|||20261122101500+0000|||MSET^manual-setting^MDC\r"
            + "OBX|4|CWE|184352^MDC_VENT_MODE^MDC|1.1.1.3|^vent-mode-insp-assist|||||R|||20261122101500+0000|||MSET^manual-setting^MDC\r"
            + "OBX|5|NM|151586^MDC_VENT_RESP_RATE^MDC|1.1.1.4|22|264928^MDC_DIM_RESP_PER_MIN^MDC|||||R|||20261122101514|||AMEAS^auto-measurement^MDC\r";
    private static final String PUMP_HEAD = "MSH|^~\\&|IWSIM_PUMP^0012ABCD00000103^EUI-64|IWSIM|INFUSIONWATCH|IW|"
            + "20261122110000+0000||ORU^R42^ORU_R01|PUMP-BED01-000007|P|2.6|||AL|NE||UNICODE UTF-8\r"
            + "PV1||I|ICU-A^^BED01\r"
            + "OBR|1|PUMP-BED01-000007^IWSIM|PUMP-BED01-000007^IWSIM|STUDY-PRODUCT KIT-0042|||20261122110000+0000\r"
            + "OBX|1||70049^MDC_DEV_PUMP_INFUS_LVP_MDS^MDC|1.0.0.0|||||||X|||||||PUMP-BED01^^0012ABCD00000103^EUI-64\r"
            + "OBX|2|CWE|68487^MDC_ATTR_EVT_COND^MDC|1.0.0.2|197288^MDC_EVT_PUMP_DELIV_START^MDC||||||R\r";
    private static final String PUMP_PROGRAMME =
            "OBX|4|NM|157784^MDC_FLOW_FLUID_PUMP^MDC|1.1.2.2|100|265266^MDC_DIM_MILLI_L_PER_HR^MDC^mL/h^mL/h^UCUM|||||R\r"
            + "OBX|5|NM|68063^MDC_ATTR_PT_WEIGHT^MDC|1.1.2.3|80|263875^MDC_DIM_KILO_G^MDC^kg^kg^UCUM|||||R\r";

    private final PcdMessageDecoder decoder =
            new PcdMessageDecoder(Clock.fixed(NOW, ZoneOffset.UTC), "INFUSIONWATCH", 1000);

    @Test
    void shouldReadVentilatorFio2AndPeepAsSettingsInPercentAndCmH2o() {
        DeviceReport report = accept(VENT);

        assertThat(report.kind()).isEqualTo(ReportKind.OBSERVATIONS);
        assertThat(report.messageId()).isEqualTo("VENT-BED01-000042");
        assertThat(report.bed()).isEqualTo(new BedRef("ICU-A", "BED01"));
        assertThat(report.deviceId()).isEqualTo("VENT-BED01");
        assertThat(report.timeMs()).isEqualTo(Instant.parse("2026-11-22T10:15:00Z").toEpochMilli());
        assertThat(report.observations()).hasSize(4);
        Observation fio2 = report.observations().get(0);
        assertThat(fio2).isEqualTo(new Observation(151720, "MDC_VENT_CONC_AWAY_O2", 40.0, "40", "MDC_DIM_PERCENT",
                262688, ObservationKind.SETTING, Instant.parse("2026-11-22T10:15:00Z").toEpochMilli(), "VENT-BED01"));
        Observation peep = report.observations().get(1);
        assertThat(peep.value()).isEqualTo(8.0);
        assertThat(peep.unit()).isEqualTo("MDC_DIM_CM_H2O");
        assertThat(peep.kind()).isEqualTo(ObservationKind.SETTING);
        assertThat(report.observations().get(2).text()).isEqualTo("vent-mode-insp-assist");
        assertThat(report.observations().get(3).kind()).isEqualTo(ObservationKind.MEASUREMENT);
    }

    @Test
    void shouldReadObx14WithoutOffsetAsUtc() {
        Observation respRate = accept(VENT).observations().get(3);

        assertThat(respRate.timeMs()).isEqualTo(Instant.parse("2026-11-22T10:15:14Z").toEpochMilli());
    }

    @Test
    void shouldAcknowledgeAcceptedMessageWithHeaderFromTheInjectedClock() {
        Hl7Decoded decoded = decoder.decode(bytes(VENT));

        assertThat(decoded.accepted()).isTrue();
        assertThat(decoded.reason()).isNull();
        assertThat(decoded.messageType()).isEqualTo("ORU^R01");
        String text = new String(decoded.ack(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("MSH|^~\\&|INFUSIONWATCH|IW|IWSIM_VENT^0012ABCD00000101^EUI-64|IWSIM|")
                .endsWith("\r").doesNotContain("\n").doesNotContain("ERR");
        AckView ack = AckView.parse(decoded.ack());
        assertThat(ack.get("MSA-1")).isEqualTo("AA");
        assertThat(ack.get("MSA-2")).isEqualTo("VENT-BED01-000042");
        assertThat(ack.get("MSH-7")).isEqualTo("20261122120000.000+0000");
        assertThat(ack.get("MSH-9-1") + "^" + ack.get("MSH-9-2") + "^" + ack.get("MSH-9-3")).isEqualTo("ACK^R01^ACK");
        assertThat(ack.get("MSH-10")).startsWith("IW").hasSizeLessThanOrEqualTo(20);
        assertThat(ack.get("MSH-12")).isEqualTo("2.6");
    }

    @Test
    void shouldGiveEachAckANewControlId() {
        String first = AckView.parse(decoder.decode(bytes(VENT)).ack()).get("MSH-10");
        String second = AckView.parse(decoder.decode(bytes(VENT)).ack()).get("MSH-10");

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void shouldRefuseNonNumericNmValueWithAe() {
        Hl7Decoded decoded = decoder.decode(bytes(VENT.replace("|1.1.1.1|40|", "|1.1.1.1|abc|")));

        assertThat(decoded.ackCode()).isEqualTo(AckCode.AE);
        assertThat(decoded.report()).isNull();
        assertThat(decoded.errorLocation()).isEqualTo("OBX^2^5");
        assertThat(decoded.reason()).contains("NM").doesNotContain("abc");
        AckView ack = AckView.parse(decoded.ack());
        assertThat(ack.get("MSA-1")).isEqualTo("AE");
        assertThat(ack.get("MSA-2")).isEqualTo("VENT-BED01-000042");
        assertThat(ack.get("ERR-2-1") + "^" + ack.get("ERR-2-2") + "^" + ack.get("ERR-2-3")).isEqualTo("OBX^2^5");
        assertThat(ack.get("ERR-3-1")).isEqualTo("102");
        assertThat(ack.get("ERR-4")).isEqualTo("E");
        assertThat(ack.get("ERR-8")).isEqualTo(decoded.reason());
    }

    @Test
    void shouldRejectGarbageWithArAndEmptyControlId() {
        Hl7Decoded decoded = decoder.decode(new byte[] {0x00, 0x7F, 'h', 'e', 'l', 'l', 'o', (byte) 0xFF, '\r'});

        assertThat(decoded.ackCode()).isEqualTo(AckCode.AR);
        assertThat(decoded.reason()).isEqualTo("not an HL7 v2 message");
        assertThat(decoded.controlId()).isEmpty();
        AckView ack = AckView.parse(decoded.ack());
        assertThat(ack.get("MSA-1")).isEqualTo("AR");
        assertThat(ack.get("MSA-2")).isEmpty();
        assertThat(ack.get("MSH-12")).isEqualTo("2.6");
    }

    @Test
    void shouldRejectSegmentsBeforeMshButStillEchoItsControlId() {
        Hl7Decoded decoded = decoder.decode(bytes("PID|||X\r" + VENT));

        assertThat(decoded.ackCode()).isEqualTo(AckCode.AR);
        assertThat(AckView.parse(decoded.ack()).get("MSA-2")).isEqualTo("VENT-BED01-000042");
    }

    @Test
    void shouldRejectUnsupportedMessageTypeEchoingItsControlId() {
        String adt = "MSH|^~\\&|ADT1|HOSP|INFUSIONWATCH|IW|20261122101500||ADT^A01^ADT_A01|ADT-0001|P|2.5\r"
                + "EVN|A01|20261122101500\rPID|||123^^^HOSP^MR||Doe^Jane\rPV1||I|ICU-A^^BED01\r";

        Hl7Decoded decoded = decoder.decode(bytes(adt));

        assertThat(decoded.ackCode()).isEqualTo(AckCode.AR);
        assertThat(decoded.reason()).isEqualTo("unsupported message type ADT^A01");
        AckView ack = AckView.parse(decoded.ack());
        assertThat(ack.get("MSA-1")).isEqualTo("AR");
        assertThat(ack.get("MSA-2")).isEqualTo("ADT-0001");
        assertThat(ack.get("MSH-9-2")).isEqualTo("A01");
        assertThat(ack.get("MSH-12")).isEqualTo("2.5");
        assertThat(ack.get("ERR-3-1")).isEqualTo("200");
        assertThat(ack.text()).doesNotContain("Doe");
    }

    @Test
    void shouldRejectWhatHapiCannotParseWithHapisReason() {
        Hl7Decoded decoded = decoder.decode(bytes(VENT.replace("|P|2.6|", "|P|9.9|")));

        assertThat(decoded.ackCode()).isEqualTo(AckCode.AR);
        assertThat(decoded.reason()).startsWith("HL7 parse error:").contains("9.9");
        assertThat(AckView.parse(decoded.ack()).get("MSA-2")).isEqualTo("VENT-BED01-000042");
    }

    @Test
    void shouldDecodeEscapedSeparatorsInDrugLabel() {
        String message = PUMP_HEAD
                + "OBX|3|ST|184514^MDC_DRUG_NAME_LABEL^MDC|1.1.2.1|KIT \\T\\ CO \\S\\ 42 \\F\\ A\\E\\B||||||R\r"
                + PUMP_PROGRAMME;

        DeviceReport report = accept(message);

        assertThat(report.kind()).isEqualTo(ReportKind.PUMP_EVENT);
        assertThat(report.pumpEvent().drugLabel()).isEqualTo("KIT & CO ^ 42 | A\\B");
        assertThat(report.pumpEvent().isDeliveryStart()).isTrue();
        assertThat(report.pumpEvent().rateMlPerHour()).isEqualTo(100.0);
        assertThat(report.pumpEvent().weightKg()).isEqualTo(80.0);
        assertThat(report.pumpEvent().concentration()).isNaN();
        assertThat(report.pumpEvent().concentrationUnit()).isEmpty();
    }

    @Test
    void shouldTakeDrugLabelFromObr4WhenThePumpSendsNone() {
        DeviceReport report = accept(PUMP_HEAD + PUMP_PROGRAMME);

        assertThat(report.pumpEvent().drugLabel()).isEqualTo("STUDY-PRODUCT KIT-0042");
        assertThat(report.pumpEvent().timeMs()).isEqualTo(Instant.parse("2026-11-22T11:00:00Z").toEpochMilli());
        assertThat(report.deviceId()).isEqualTo("PUMP-BED01");
    }

    @Test
    void shouldRefusePumpEventWithoutEventCondition() {
        String message = PUMP_HEAD.replace("68487^MDC_ATTR_EVT_COND", "68488^MDC_ATTR_EVT_SOURCE") + PUMP_PROGRAMME;

        Hl7Decoded decoded = decoder.decode(bytes(message));

        assertThat(decoded.ackCode()).isEqualTo(AckCode.AE);
        assertThat(decoded.reason()).contains("MDC_ATTR_EVT_COND");
        assertThat(AckView.parse(decoded.ack()).get("ERR-3-1")).isEqualTo("101");
    }

    @Test
    void shouldRefuseInvalidObservationTimeWithItsLocation() {
        Hl7Decoded decoded = decoder.decode(bytes(VENT.replace("|||20261122101514||", "|||2026-11-22||")));

        assertThat(decoded.ackCode()).isEqualTo(AckCode.AE);
        assertThat(decoded.errorLocation()).isEqualTo("OBX^5^14");
    }

    @Test
    void shouldAcceptSpaceInsideUtcOffsetAsSeenInIheSamples() {
        String message = "MSH|^~\\&|DEV|FAC|INFUSIONWATCH|IW|20080101123456- 0600||ORU^R01|X-1|P|2.5\r"
                + "OBX|1|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.1.1.1|97|262688^MDC_DIM_PERCENT^MDC\r";

        DeviceReport report = accept(message);

        assertThat(report.timeMs()).isEqualTo(Instant.parse("2008-01-01T18:34:56Z").toEpochMilli());
        assertThat(report.deviceId()).isEqualTo("DEV");
        assertThat(report.bed()).isNull();
        assertThat(report.observations().get(0).timeMs()).isEqualTo(report.timeMs());
    }

    @Test
    void shouldDecodeIso88591WhenMsh18SaysSo() {
        String message = MSH_VENT.replace("UNICODE UTF-8", "8859/1")
                + "OBX|1|ST|184514^MDC_DRUG_NAME_LABEL^MDC|1.1.1.1|Lösung für Infusion\r";

        DeviceReport report = accept(message.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(report.observations().get(0).text()).isEqualTo("Lösung für Infusion");
    }

    @Test
    void shouldDecodeUtf8ByDefault() {
        String message = MSH_VENT + "OBX|1|ST|184514^MDC_DRUG_NAME_LABEL^MDC|1.1.1.1|Lösung\r";

        assertThat(accept(bytes(message)).observations().get(0).text()).isEqualTo("Lösung");
    }

    @Test
    void shouldAcceptLineFeedSegmentEndings() {
        DeviceReport report = accept(bytes(VENT.replace('\r', '\n')));

        assertThat(report.observations()).hasSize(4);
    }

    @Test
    void shouldKeepObx5WithoutObx2AsText() {
        DeviceReport report = accept(MSH_VENT + "OBX|1||150456^MDC_PULS_OXIM_SAT_O2^MDC|1.1.1.1|97\r");

        assertThat(report.observations().get(0).text()).isEqualTo("97");
        assertThat(report.observations().get(0).isNumeric()).isFalse();
    }

    @Test
    void shouldRejectOversizeMessageWithControlIdFromItsHead() {
        byte[] head = bytes(VENT.substring(0, 300));

        Hl7Decoded decoded = decoder.oversize(5_000_000L, head);

        assertThat(decoded.ackCode()).isEqualTo(AckCode.AR);
        assertThat(decoded.reason()).isEqualTo("message too large (5000000 bytes, max 1000)");
        assertThat(decoded.controlId()).isEqualTo("VENT-BED01-000042");
        AckView ack = AckView.parse(decoded.ack());
        assertThat(ack.get("MSA-2")).isEqualTo("VENT-BED01-000042");
        assertThat(ack.get("MSH-9-2")).isEqualTo("R01");
    }

    @Test
    void shouldRejectOversizeGarbageWithEmptyControlId() {
        Hl7Decoded decoded = decoder.oversize(2000, new byte[] {1, 2, 3});

        assertThat(decoded.ackCode()).isEqualTo(AckCode.AR);
        assertThat(AckView.parse(decoded.ack()).get("MSA-2")).isEmpty();
    }

    @Test
    void shouldRefuseAcceptedMessageWithAeAndTheSameControlId() {
        Hl7Decoded accepted = decoder.decode(bytes(VENT));

        Hl7Decoded refused = decoder.refuse(accepted, AckCode.AE, "no bed known for device VENT-BED01", null);

        assertThat(refused.ackCode()).isEqualTo(AckCode.AE);
        assertThat(refused.report()).isNull();
        assertThat(refused.accepted()).isFalse();
        assertThat(refused.controlId()).isEqualTo("VENT-BED01-000042");
        AckView ack = AckView.parse(refused.ack());
        assertThat(ack.get("MSA-1")).isEqualTo("AE");
        assertThat(ack.get("MSA-2")).isEqualTo("VENT-BED01-000042");
        assertThat(ack.get("MSH-5")).isEqualTo("IWSIM_VENT");
        assertThat(ack.get("ERR-8")).isEqualTo("no bed known for device VENT-BED01");
    }

    @Test
    void shouldNotRefuseWithAa() {
        Hl7Decoded accepted = decoder.decode(bytes(VENT));

        assertThatThrownBy(() -> decoder.refuse(accepted, AckCode.AA, "x", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldAnswerEmptyInputWithAr() {
        Hl7Decoded decoded = decoder.decode(new byte[0]);

        assertThat(decoded.ackCode()).isEqualTo(AckCode.AR);
        assertThat(AckView.parse(decoded.ack()).get("MSA-2")).isEmpty();
    }

    @Test
    void shouldNotTakePrivateCodesForMdcCodes() {
        DeviceReport report = accept(MSH_VENT + "OBX|1|NM|2279^COMEN_PAIN_LEVEL^99COMEN|1|3\r"
                + "OBX|2|NM|150456^MDC_PULS_OXIM_SAT_O2|2|97\r");

        assertThat(report.observations().get(0).mdcCode()).isZero();
        assertThat(report.observations().get(0).refId()).isEqualTo("COMEN_PAIN_LEVEL");
        assertThat(report.observations().get(1).mdcCode()).isEqualTo(150456);
    }

    @Test
    void shouldRejectMshWithoutFieldSeparatorAsNotHl7() {
        Hl7Decoded decoded = decoder.decode(bytes("MSH\rPID|||X\r"));

        assertThat(decoded.ackCode()).isEqualTo(AckCode.AR);
        assertThat(decoded.reason()).isEqualTo("not an HL7 v2 message");
    }

    private DeviceReport accept(String message) {
        return accept(bytes(message));
    }

    private DeviceReport accept(byte[] message) {
        Hl7Decoded decoded = decoder.decode(message);
        assertThat(decoded.ackCode()).as("%s at %s", decoded.reason(), decoded.errorLocation()).isEqualTo(AckCode.AA);
        assertThat(AckView.parse(decoded.ack()).get("MSA-1")).isEqualTo("AA");
        return decoded.report();
    }

    private static byte[] bytes(String message) {
        return message.getBytes(StandardCharsets.UTF_8);
    }
}
