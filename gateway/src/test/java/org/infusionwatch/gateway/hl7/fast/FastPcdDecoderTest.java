package org.infusionwatch.gateway.hl7.fast;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.agent.model.DeviceReport;
import org.infusionwatch.agent.model.Observation;
import org.infusionwatch.agent.model.ObservationKind;
import org.infusionwatch.agent.model.ReportKind;
import org.infusionwatch.gateway.hl7.AckCode;
import org.infusionwatch.gateway.hl7.Hl7Decoded;
import org.infusionwatch.gateway.hl7.PcdMessageDecoder;
import org.junit.jupiter.api.Test;

/**
 * What the fast decoder reads itself and what it leaves to HAPI, on hand-written messages; each
 * answer is also compared with the HAPI decoder's (see {@link DecoderPair}).
 */
class FastPcdDecoderTest {

    private static final String VENT = "MSH|^~\\&|IWSIM_VENT^0012ABCD00000101^EUI-64|IWSIM|INFUSIONWATCH|IW|"
            + "20261122101500+0000||ORU^R01^ORU_R01|VENT-BED01-000042|P|2.6|||AL|NE||UNICODE UTF-8\r"
            + "PID|||SIM-BED01^^^IWSIM^PI\r"
            + "PV1||I|ICU-A^^BED01\r"
            + "OBR|1|VENT-BED01-000042^IWSIM|VENT-BED01-000042^IWSIM|70001^MDC_DEV_SYS_PT_VENT_MDS^MDC|||20261122101500+0000\r"
            + "OBX|1||70001^MDC_DEV_SYS_PT_VENT_MDS^MDC|1.0.0.0|||||||X|||||||VENT-BED01^^0012ABCD00000101^EUI-64\r"
            + "OBX|2|NM|151720^MDC_VENT_CONC_AWAY_O2^MDC|1.1.1.1|40|262688^MDC_DIM_PERCENT^MDC|||||R|||20261122101500+0000|||MSET^manual-setting^MDC\r"
            + "OBX|3|CWE|184352^MDC_VENT_MODE^MDC|1.1.1.3|^vent-mode-insp-assist||||||R|||20261122101500+0000|||MSET^manual-setting^MDC\r"
            + "OBX|4|NM|151586^MDC_VENT_RESP_RATE^MDC|1.1.1.4|22|264928^MDC_DIM_RESP_PER_MIN^MDC|||||R|||20261122101514|||AMEAS^auto-measurement^MDC\r";
    private static final String PUMP = "MSH|^~\\&|IWSIM_PUMP^0012ABCD00000103^EUI-64|IWSIM|INFUSIONWATCH|IW|"
            + "20261122110000+0000||ORU^R42^ORU_R01|PUMP-BED01-000007|P|2.6|||AL|NE||UNICODE UTF-8\r"
            + "PV1||I|ICU-A^^BED01\r"
            + "OBR|1|PUMP-BED01-000007^IWSIM|PUMP-BED01-000007^IWSIM|STUDY-PRODUCT KIT-0042|||20261122110000+0000\r"
            + "OBX|1||70049^MDC_DEV_PUMP_INFUS_LVP_MDS^MDC|1.0.0.0|||||||X|||||||PUMP-BED01^^0012ABCD00000103^EUI-64\r"
            + "OBX|2|CWE|68487^MDC_ATTR_EVT_COND^MDC|1.0.0.2|197288^MDC_EVT_PUMP_DELIV_START^MDC||||||R\r"
            + "OBX|3|ST|184514^MDC_DRUG_NAME_LABEL^MDC|1.1.2.1|KIT \\T\\ CO \\S\\ 42 \\F\\ A\\E\\B||||||R\r"
            + "OBX|4|NM|157784^MDC_FLOW_FLUID_PUMP^MDC|1.1.2.2|100|265266^MDC_DIM_MILLI_L_PER_HR^MDC^mL/h^mL/h^UCUM|||||R\r";
    private static final long T_1015 = Instant.parse("2026-11-22T10:15:00Z").toEpochMilli();

    private final DecoderPair pair = new DecoderPair();

    @Test
    void shouldReadVentilatorReportWithoutHapi() {
        DeviceReport report = scanned(VENT);

        assertThat(report.kind()).isEqualTo(ReportKind.OBSERVATIONS);
        assertThat(report.bed()).isEqualTo(new BedRef("ICU-A", "BED01"));
        assertThat(report.deviceId()).isEqualTo("VENT-BED01");
        assertThat(report.timeMs()).isEqualTo(T_1015);
        assertThat(report.observations()).containsExactly(
                new Observation(151720, "MDC_VENT_CONC_AWAY_O2", 40.0, "40", "MDC_DIM_PERCENT", 262688,
                        ObservationKind.SETTING, T_1015, "VENT-BED01"),
                new Observation(184352, "MDC_VENT_MODE", Double.NaN, "vent-mode-insp-assist", "", 0,
                        ObservationKind.SETTING, T_1015, "VENT-BED01"),
                new Observation(151586, "MDC_VENT_RESP_RATE", 22.0, "22", "MDC_DIM_RESP_PER_MIN", 264928,
                        ObservationKind.MEASUREMENT, T_1015 + 14_000, "VENT-BED01"));
    }

    /**
     * One connection of a device-integration gateway carries a whole unit: 40 beds of a monitor,
     * a ventilator and a pump, the pumps sending reports and events. After the first round every
     * header is known, so no message re-reads its MSH, and every ACK still names its own sender.
     */
    @Test
    void shouldKeepTheHeaderOfEveryDeviceOfAMultiplexedUnit() {
        FastPcdDecoder decoder = new FastPcdDecoder(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), "INFUSIONWATCH");
        int devices = 120;
        for (int round = 0; round < 3; round++) {
            for (int d = 0; d < devices; d++) {
                String eui = String.format("0012ABCD%08X", 0x100 + d);
                String id = "M" + round + "-" + d;
                String message = VENT.replace("IWSIM_VENT^0012ABCD00000101", "IWSIM_DEV" + d + "^" + eui)
                        .replace("VENT-BED01-000042", id);
                Hl7Decoded decoded = decoder.decode(message.getBytes(StandardCharsets.UTF_8));
                String ack = new String(decoded.ack(), StandardCharsets.UTF_8);
                assertThat(ack).contains("|IWSIM_DEV" + d + "^" + eui + "^EUI-64|").endsWith("MSA|AA|" + id + "\r");
                if (d % 3 == 2) {
                    decoded = decoder.decode(PUMP.replace("IWSIM_PUMP^0012ABCD00000103", "IWSIM_DEV" + d + "^" + eui)
                            .replace("PUMP-BED01-000007", id + "E").getBytes(StandardCharsets.UTF_8));
                    assertThat(new String(decoded.ack(), StandardCharsets.UTF_8)).contains("|ACK^R42^ACK|");
                }
            }
        }
        assertThat(decoder.delegatedCount()).isZero();
        assertThat(decoder.headersRead()).as("one R01 header per device, one R42 header per pump")
                .isEqualTo(devices + devices / 3);
    }

    @Test
    void shouldReadARecordedMessageAsALiveOneWithoutWritingItsAck() {
        FastPcdDecoder decoder = new FastPcdDecoder(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), "INFUSIONWATCH");
        byte[] message = VENT.getBytes(StandardCharsets.UTF_8);
        Hl7Decoded live = decoder.decode(message);
        Hl7Decoded recorded = decoder.decodeRecorded(message);

        assertThat(recorded.ackCode()).isEqualTo(AckCode.AA);
        assertThat(recorded.report()).isEqualTo(live.report());
        assertThat(live.ack()).isNotEmpty();
        assertThat(recorded.ack()).isEmpty();
        // A message the scanner leaves to HAPI is answered as live: HAPI writes its ACK anyway.
        byte[] refused = VENT.replace("|1.1.1.1|40|", "|1.1.1.1|abc|").getBytes(StandardCharsets.UTF_8);
        assertThat(decoder.decodeRecorded(refused).ackCode()).isEqualTo(AckCode.AE);
    }

    @Test
    void shouldHandOutOneBedReferencePerBed() {
        FastPcdDecoder decoder = new FastPcdDecoder(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), "INFUSIONWATCH");
        DeviceReport first = decoder.decode(VENT.getBytes(StandardCharsets.UTF_8)).report();
        decoder.decode(VENT.replace("ICU-A^^BED01", "ICU-A^^BED02").getBytes(StandardCharsets.UTF_8));
        DeviceReport again = decoder.decode(VENT.getBytes(StandardCharsets.UTF_8)).report();

        assertThat(again.bed()).isSameAs(first.bed()).isEqualTo(new BedRef("ICU-A", "BED01"));
    }

    @Test
    void shouldReadPumpEventWithEscapedDrugLabelWithoutHapi() {
        DeviceReport report = scanned(PUMP);

        assertThat(report.pumpEvent().drugLabel()).isEqualTo("KIT & CO ^ 42 | A\\B");
        assertThat(report.pumpEvent().isDeliveryStart()).isTrue();
        assertThat(report.pumpEvent().rateMlPerHour()).isEqualTo(100.0);
    }

    @Test
    void shouldHonourTheDelimitersTheMessageDeclares() {
        String recoded = recode(VENT, "!*%$#");

        DeviceReport report = scanned(recoded);

        assertThat(report.bed()).isEqualTo(new BedRef("ICU-A", "BED01"));
        assertThat(report.observations()).hasSize(3);
    }

    @Test
    void shouldReadIso88591WhenMsh18SaysSo() {
        String message = VENT.replace("UNICODE UTF-8", "8859/1")
                + "OBX|5|ST|184514^MDC_DRUG_NAME_LABEL^MDC|1.1.1.1|Lösung für Infusion\r";

        Hl7Decoded decoded = pair.compare("latin-1", message.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(pair.differences()).isEmpty();
        assertThat(pair.scanned()).isEqualTo(1);
        assertThat(decoded.report().observations().get(3).text()).isEqualTo("Lösung für Infusion");
    }

    @Test
    void shouldReadLineFeedSegmentEndings() {
        assertThat(scanned(VENT.replace("\r", "\r\n")).observations()).hasSize(3);
        assertThat(scanned(VENT.replace('\r', '\n')).observations()).hasSize(3);
    }

    @Test
    void shouldLeaveRefusalsToHapiSoReasonAndLocationAreHapis() {
        Hl7Decoded decoded = delegated(VENT.replace("|1.1.1.1|40|", "|1.1.1.1|abc|"), "REFUSAL");

        assertThat(decoded.ackCode()).isEqualTo(AckCode.AE);
        assertThat(decoded.errorLocation()).isEqualTo("OBX^2^5");
    }

    @Test
    void shouldLeaveOtherMessageTypesToHapi() {
        String adt = "MSH|^~\\&|ADT1|HOSP|INFUSIONWATCH|IW|20261122101500||ADT^A01^ADT_A01|ADT-0001|P|2.5\r"
                + "EVN|A01|20261122101500\rPID|||123^^^HOSP^MR||Doe^Jane\r";

        assertThat(delegated(adt, "MESSAGE_TYPE").ackCode()).isEqualTo(AckCode.AR);
    }

    @Test
    void shouldLeaveFormattingEscapesToHapi() {
        delegated(PUMP.replace("KIT \\T\\ CO", "KIT\\.br\\CO"), "ESCAPE");
    }

    @Test
    void shouldLeaveUnknownSegmentsToHapi() {
        delegated(VENT + "ZXX|1|private\r", "SEGMENT");
    }

    @Test
    void shouldLeaveSubcomponentsInReadFieldsToHapi() {
        delegated(VENT.replace("PV1||I|ICU-A^^BED01", "PV1||I|ICU-A^^BED01^HOSP&1.2.3&ISO"), "SUBCOMPONENT");
    }

    @Test
    void shouldDelegateOversizeAndLaterRefusalsToHapi() {
        FastPcdDecoder decoder = new FastPcdDecoder(Clock.fixed(DecoderPair.NOW, ZoneOffset.UTC), "INFUSIONWATCH", 1000);
        PcdMessageDecoder hapi = new PcdMessageDecoder(Clock.fixed(DecoderPair.NOW, ZoneOffset.UTC), "INFUSIONWATCH", 1000);
        byte[] head = VENT.substring(0, 300).getBytes(StandardCharsets.UTF_8);

        assertThat(decoder.oversize(5_000_000L, head).reason()).isEqualTo(hapi.oversize(5_000_000L, head).reason());
        Hl7Decoded accepted = decoder.decode(VENT.getBytes(StandardCharsets.UTF_8));
        Hl7Decoded refused = decoder.refuse(accepted, AckCode.AE, "no bed", "PV1^1^3");
        assertThat(refused.ackCode()).isEqualTo(AckCode.AE);
        assertThat(refused.controlId()).isEqualTo("VENT-BED01-000042");
        assertThat(refused.header()).isEqualTo(accepted.header());
    }

    @Test
    void shouldAnswerRandomBytesAsHapiDoesWithoutThrowing() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 500; i++) {
            byte[] noise = new byte[random.nextInt(200)];
            random.nextBytes(noise);
            if (i % 2 == 0 && noise.length > 9) {
                System.arraycopy("MSH|^~\\&|".getBytes(StandardCharsets.US_ASCII), 0, noise, 0, 9);
            }
            pair.compare("noise #" + i, noise);
        }

        assertThat(pair.differences()).isEmpty();
    }

    private DeviceReport scanned(String message) {
        Hl7Decoded decoded = pair.compare("message", message.getBytes(StandardCharsets.UTF_8));
        assertThat(pair.differences()).isEmpty();
        assertThat(pair.fast().delegatedByReason()).isEmpty();
        assertThat(decoded.ackCode()).isEqualTo(AckCode.AA);
        return decoded.report();
    }

    private Hl7Decoded delegated(String message, String reason) {
        Hl7Decoded decoded = pair.compare("message", message.getBytes(StandardCharsets.UTF_8));
        assertThat(pair.differences()).isEmpty();
        assertThat(pair.fast().delegatedByReason()).containsOnlyKeys(reason);
        return decoded;
    }

    /** The message with the standard delimiters {@code |^~\&} replaced by {@code delimiters}. */
    private static String recode(String message, String delimiters) {
        String standard = "|^~\\&";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < message.length(); i++) {
            int d = standard.indexOf(message.charAt(i));
            out.append(d >= 0 && i >= 3 ? delimiters.charAt(d) : message.charAt(i));
        }
        return out.toString();
    }
}
