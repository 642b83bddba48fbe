package org.infusionwatch.sims.load.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.infusionwatch.sims.model.DeviceSample;
import org.infusionwatch.sims.wire.DeviceAddress;
import org.infusionwatch.sims.wire.JsonMessages;
import org.infusionwatch.sims.wire.MqttTopics;
import org.infusionwatch.sims.wire.Pcd01Writer;
import org.infusionwatch.sims.wire.Pcd10Writer;
import org.junit.jupiter.api.Test;

class BaselineReportTest {

    private final List<DeviceSample> samples = LoadBedMessages.samples("L0007", 20);

    @Test
    void shouldReadBedTimeAndControlIdOfEveryHl7ReportTheLoadDriverWrites() {
        Pcd01Writer pcd01 = new Pcd01Writer();
        Pcd10Writer pcd10 = new Pcd10Writer();
        assertThat(samples).hasSizeGreaterThan(40);
        for (DeviceSample sample : samples) {
            DeviceAddress address = DeviceAddress.of("LOAD", "L0007", 7, sample.kind());
            String message = sample.event().isPresent() ? pcd10.write(address, sample) : pcd01.write(address, sample);

            BaselineReport report = BaselineReport.fromHl7(message);

            assertThat(report).isEqualTo(new BaselineReport("LOAD", "L0007", sample.timeMs(), sample.messageId()));
        }
    }

    @Test
    void shouldReadBedAndTimeOfEveryMqttReportTheLoadDriverPublishes() {
        JsonMessages json = new JsonMessages();
        for (DeviceSample sample : samples) {
            String topic = MqttTopics.observations("LOAD", "Q0003", sample.deviceId());
            String payload = new String(json.observations(sample), StandardCharsets.UTF_8);

            assertThat(BaselineReport.fromMqtt(topic, payload))
                    .isEqualTo(new BaselineReport("LOAD", "Q0003", sample.timeMs(), ""));
        }
    }

    @Test
    void shouldHonourTheOffsetOfAnHl7Time() {
        assertThat(BaselineReport.hl7Time("20261122101500+0000")).isEqualTo(Instant.parse("2026-11-22T10:15:00Z").toEpochMilli());
        assertThat(BaselineReport.hl7Time("20261122101500-0130")).isEqualTo(Instant.parse("2026-11-22T11:45:00Z").toEpochMilli());
        assertThat(BaselineReport.hl7Time("20261122101500+0100")).isEqualTo(Instant.parse("2026-11-22T09:15:00Z").toEpochMilli());
    }

    @Test
    void shouldRefuseWhatItCannotReadWithTheReason() {
        assertThatThrownBy(() -> BaselineReport.fromHl7("MSH|^~\\&|DEV||||20261122101500+0000||ORU^R01|C1|P|2.6\rOBX|1\r"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PV1-3");
        assertThatThrownBy(() -> BaselineReport.fromHl7("MSH|^~\\&|DEV||||2026-11-22||ORU^R01|C1|P|2.6\rPV1||I|U^^B\r"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MSH-7");
        assertThatThrownBy(() -> BaselineReport.fromHl7("MSH|^~\\&|DEV||||20261122101500+0000||ORU^R01|C1|P|2.6\rPV1||I|U^^B/1\r"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MQTT topic level");
        assertThatThrownBy(() -> BaselineReport.fromHl7("hello"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an HL7 message");
        assertThatThrownBy(() -> BaselineReport.fromMqtt("icu/LOAD/Q1/entries", "{}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an observation topic");
        assertThatThrownBy(() -> BaselineReport.fromMqtt("icu/LOAD/Q1/MON/obs", "{\"obs\":[]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time");
    }
}
