package org.infusionwatch.gateway.hl7;

import org.infusionwatch.gateway.testing.Hl7Samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.agent.model.DeviceReport;
import org.infusionwatch.agent.model.Observation;
import org.infusionwatch.agent.model.ObservationKind;
import org.infusionwatch.agent.model.PumpEvent;
import org.infusionwatch.agent.model.ReportKind;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every real message in the shared samples folder, plus spot checks of decoded values. */
class PcdMessageDecoderSamplesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Map<String, ReportKind> ACCEPTED = Map.of(
            "ORU^R01", ReportKind.OBSERVATIONS, "ORU^R42", ReportKind.PUMP_EVENT, "ORU^R40", ReportKind.ALARM);
    /** Comen NC5 sends private 99COMEN rows typed NM with words ("Other", "Alert") as values. */
    private static final String COMEN = "oru-comen-nc5-spotcheck-01.hl7";

    private final PcdMessageDecoder decoder =
            new PcdMessageDecoder(Clock.fixed(NOW, ZoneOffset.UTC), "INFUSIONWATCH");

    @TestFactory
    Stream<DynamicTest> shouldAnswerEverySampleWithTheAckItsTypeCallsFor() {
        Optional<Path> folder = Hl7Samples.folder();
        assumeTrue(folder.isPresent(), "shared hl7-samples folder not found");
        List<Path> files = Hl7Samples.files(folder.get());
        assertThat(files).hasSizeGreaterThanOrEqualTo(30);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
                () -> checkSample(file)));
    }

    private void checkSample(Path file) {
        byte[] raw = Hl7Samples.read(file);
        String controlId = Hl7Samples.mshField(raw, 10).trim();
        String type = String.join("^", List.of(Hl7Samples.mshField(raw, 9).split("\\^")).subList(0, 2));
        Hl7Decoded decoded = decoder.decode(raw);
        AckView ack = AckView.parse(decoded.ack());

        assertThat(decoded.controlId()).isEqualTo(controlId);
        assertThat(ack.get("MSA-2")).isEqualTo(controlId);
        assertThat(ack.get("MSA-1")).isEqualTo(decoded.ackCode().name());
        if (file.getFileName().toString().equals(COMEN)) {
            assertThat(decoded.ackCode()).isEqualTo(AckCode.AE);
            assertThat(decoded.errorLocation()).isEqualTo("OBX^7^5");
        } else if (ACCEPTED.containsKey(type)) {
            assertThat(decoded.ackCode()).as(decoded.reason()).isEqualTo(AckCode.AA);
            assertSensible(decoded.report(), controlId, ACCEPTED.get(type));
        } else {
            assertThat(decoded.ackCode()).isEqualTo(AckCode.AR);
            assertThat(decoded.reason()).isEqualTo("unsupported message type " + type);
            assertThat(decoded.report()).isNull();
            assertThat(ack.get("ERR-3-1")).isEqualTo("200");
        }
    }

    private static void assertSensible(DeviceReport report, String controlId, ReportKind kind) {
        assertThat(report).isNotNull();
        assertThat(report.messageId()).isEqualTo(controlId);
        assertThat(report.kind()).isEqualTo(kind);
        assertThat(report.deviceId()).isNotBlank();
        assertThat(report.timeMs()).isGreaterThan(Instant.parse("2005-01-01T00:00:00Z").toEpochMilli());
        assertThat(report.observations()).isNotEmpty().allSatisfy(o -> {
            assertThat(o.deviceId()).isNotBlank();
            assertThat(o.timeMs()).isGreaterThan(Instant.parse("2005-01-01T00:00:00Z").toEpochMilli());
            assertThat(o.text()).isNotEmpty();
        });
        assertThat(report.pumpEvent() != null).isEqualTo(kind == ReportKind.PUMP_EVENT);
    }

    @Test
    void shouldReadIheInfusionEventWithDrugRateWeightDeviceAndBed() {
        DeviceReport report = accepted("pcd10-ihe-tf-pump-delivery-start-01.hl7");

        PumpEvent event = report.pumpEvent();
        assertTrue(event.isDeliveryStart());
        assertThat(event.eventCode()).isEqualTo(PumpEvent.MDC_EVT_PUMP_DELIV_START);
        assertThat(event.eventRefId()).isEqualTo("MDC_EVT_PUMP_DELIV_START");
        assertThat(event.drugLabel()).isEqualTo("Dopamine");
        assertThat(event.rateMlPerHour()).isEqualTo(15.4);
        assertThat(event.weightKg()).isEqualTo(82.0);
        assertThat(event.concentration()).isEqualTo(1.6);
        assertThat(event.concentrationUnit()).isEqualTo("MDC_DIM_MILLI_G_PER_ML");
        assertThat(event.timeMs()).isEqualTo(Instant.parse("2015-10-15T18:21:06Z").toEpochMilli());
        assertThat(report.deviceId()).isEqualTo("E0002");
        assertThat(report.bed()).isEqualTo(new BedRef("3 West ICU", "1"));
        assertThat(report.timeMs()).isEqualTo(Instant.parse("2015-10-15T18:21:06Z").toEpochMilli());
        Observation evtCond = find(report, "MDC_ATTR_EVT_COND");
        assertThat(evtCond.mdcCode()).isZero();
        assertThat(evtCond.text()).isEqualTo("197288^MDC_EVT_PUMP_DELIV_START^MDC");
        assertThat(find(report, "MDC_FLOW_FLUID_PUMP_CURRENT").unitCode()).isEqualTo(265266);
    }

    @Test
    void shouldTimeMonitorValuesFromObr7UnlessObx14IsSent() {
        DeviceReport report = accepted("pcd01-ihe-tf-philips-monitor-01.hl7");

        Observation spo2 = find(report, "MDC_PULS_OXIM_SAT_O2");
        assertThat(spo2.mdcCode()).isEqualTo(150456);
        assertThat(spo2.value()).isEqualTo(99.0);
        assertThat(spo2.unit()).isEqualTo("MDC_DIM_PERCENT");
        assertThat(spo2.unitCode()).isEqualTo(262688);
        assertThat(spo2.kind()).isEqualTo(ObservationKind.MEASUREMENT);
        assertThat(spo2.timeMs()).isEqualTo(Instant.parse("2015-01-22T18:26:56Z").toEpochMilli());
        assertThat(spo2.deviceId()).isEqualTo("0600dc750001");
        Observation nibpSys = find(report, "MDC_PRESS_BLD_NONINV_SYS");
        assertThat(nibpSys.value()).isEqualTo(117.0);
        assertThat(nibpSys.unit()).isEqualTo("MDC_DIM_MMHG");
        assertThat(nibpSys.timeMs()).isEqualTo(Instant.parse("2015-01-22T11:50:00Z").toEpochMilli());
        assertThat(find(report, "MDC_ECG_STAT_RHY").text()).isEqualTo("MDC_ECG_SINUS_RHY");
        assertThat(report.bed()).isEqualTo(new BedRef("HO Surgery", "1"));
        assertThat(report.deviceId()).isEqualTo("e86c094f-f751-4acf-92b2-38f11c1f6f57-Device");
        assertThat(report.observations()).hasSize(10);
    }

    @Test
    void shouldLeaveBedNullForBBraunPumpsThatSendNoPv1() {
        Map<String, String> devices = Map.of(
                "pcd01-bbraun-spaceplus-perfusor-infusing-01.hl7", "P2449",
                "pcd10-bbraun-spaceplus-delivery-start-01.hl7", "P2449",
                "pcd10-bbraun-spaceplus-delivery-complete-01.hl7", "P2449",
                "pcd04-bbraun-spaceplus-syringe-holder-open-01.hl7", "2449",
                "pcd15-bbraun-spaceplus-battery-01.hl7", "P2449");
        devices.forEach((file, device) -> {
            DeviceReport report = accepted(file);
            assertThat(report.bed()).as(file).isNull();
            assertThat(report.deviceId()).as(file).isEqualTo(device);
        });
    }

    @Test
    void shouldReadBBraunDeliveryCompleteEvent() {
        PumpEvent event = accepted("pcd10-bbraun-spaceplus-delivery-complete-01.hl7").pumpEvent();

        assertThat(event.eventCode()).isEqualTo(PumpEvent.MDC_EVT_PUMP_DELIV_COMP);
        assertThat(event.isDeliveryStart()).isFalse();
        assertThat(event.drugLabel()).isEqualTo("Dobutamine");
        assertThat(event.rateMlPerHour()).isEqualTo(18.0);
        assertThat(event.weightKg()).isEqualTo(100.0);
        assertThat(event.concentration()).isEqualTo(5.0);
    }

    @Test
    void shouldReadLoincFirstDualCodedObservationByItsMdcCode() {
        Observation pulse = accepted("pcd01-nist-pulseox-sllmdilab-01.hl7").observations().get(0);

        assertThat(pulse.mdcCode()).isEqualTo(149530);
        assertThat(pulse.refId()).isEqualTo("MDC_PULS_OXIM_PULS_RATE");
        assertThat(pulse.unit()).isEqualTo("{beats}/min");
        assertThat(pulse.deviceId()).isEqualTo("0123456789ABCDEF");
        assertThat(pulse.timeMs()).isEqualTo(Instant.parse("2012-05-30T11:23:40Z").toEpochMilli());
    }

    @Test
    void shouldKeepWaveformArraysAsTextAndSkipHierarchyRows() {
        DeviceReport report = accepted("pcd01-waveform-sllmdilab-01.hl7");

        assertThat(report.observations()).hasSize(9);
        Observation leadI = report.observations().get(0);
        assertThat(leadI.refId()).isEqualTo("MDC_ECG_LEAD_I");
        assertThat(leadI.isNumeric()).isFalse();
        assertThat(leadI.text()).isEqualTo("-0.53714565^-0.54203324^-0.53128055");
        assertThat(report.observations().get(1).value()).isEqualTo(150.0);
        assertThat(report.observations().get(1).unit()).isEqualTo("MDC_DIM_PER_SEC");
    }

    @Test
    void shouldReadAlarmWithBedAndEventCode() {
        DeviceReport report = accepted("pcd04-ihe-tf-bbraun-occlusion-start-01.hl7");

        assertThat(report.kind()).isEqualTo(ReportKind.ALARM);
        assertThat(report.bed()).isEqualTo(new BedRef("HO 3 West ICU", "1"));
        assertThat(report.deviceId()).isEqualTo("P6013");
        assertThat(report.observations().get(0).text())
                .isEqualTo("196940^MDC_EVT_FLUID_LINE_OCCL^MDC^^^^^^Occlusion");
        assertThat(report.timeMs()).isEqualTo(Instant.parse("2012-01-09T23:54:17Z").toEpochMilli());
    }

    @Test
    void shouldRefuseV27AlertStatusWithItsControlIdAndVersion() {
        Hl7Decoded decoded = decode("pcd05-draeger-acm-ora-r41-01.hl7");

        assertThat(decoded.ackCode()).isEqualTo(AckCode.AR);
        AckView ack = AckView.parse(decoded.ack());
        assertThat(ack.get("MSA-2")).isEqualTo("0");
        assertThat(ack.get("MSH-9-2")).isEqualTo("R41");
        assertThat(ack.get("MSH-12")).isEqualTo("2.7");
    }

    private Hl7Decoded decode(String name) {
        Optional<Path> folder = Hl7Samples.folder();
        assumeTrue(folder.isPresent(), "shared hl7-samples folder not found");
        return decoder.decode(Hl7Samples.read(folder.get().resolve(name)));
    }

    private DeviceReport accepted(String name) {
        Hl7Decoded decoded = decode(name);
        assertThat(decoded.ackCode()).as(decoded.reason()).isEqualTo(AckCode.AA);
        return decoded.report();
    }

    private static Observation find(DeviceReport report, String refId) {
        return report.observations().stream().filter(o -> refId.equals(o.refId())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + refId));
    }
}
