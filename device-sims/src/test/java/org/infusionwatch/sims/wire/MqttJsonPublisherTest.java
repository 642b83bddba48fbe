package org.infusionwatch.sims.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.infusionwatch.sims.model.ClinicianEntry;
import org.infusionwatch.sims.model.DeviceKind;
import org.infusionwatch.sims.model.DeviceSample;
import org.infusionwatch.sims.testing.FakeMqttBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class MqttJsonPublisherTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void shouldPublishReportsOnTheDeviceTopicAndEntriesOnTheBedTopicWithQos1() throws Exception {
        try (FakeMqttBroker broker = new FakeMqttBroker(100);
             MqttJsonPublisher publisher = new MqttJsonPublisher(broker.uri(), "iwsim-test-1", 16, 1_000)) {
            publisher.connect();

            publisher.publishSample(WireSamples.PUMP, WireSamples.pumpStart("STUDY-PRODUCT KIT-0042"));
            publisher.publishEntry("ICU-A", "BED01",
                    new ClinicianEntry("E-BED01-0001", "INFUSION_START", WireSamples.T_1100, "nurse-17", ""));

            await().atMost(Duration.ofSeconds(10)).until(() -> publisher.published() == 2);
            List<FakeMqttBroker.Published> received = broker.published();
            assertThat(received).extracting(FakeMqttBroker.Published::topic)
                    .containsExactly("icu/ICU-A/BED01/PUMP-BED01/obs", "icu/ICU-A/BED01/entries");
            assertThat(received).extracting(FakeMqttBroker.Published::qos).containsOnly(1);
            JsonNode report = mapper.readTree(received.get(0).payload());
            assertThat(report.path("msgId").asText()).isEqualTo("PUMP-BED01-000007");
            assertThat(report.path("event").path("code").asInt()).isEqualTo(197288);
            assertThat(mapper.readTree(received.get(1).payload()).path("type").asText()).isEqualTo("INFUSION_START");
        }
    }

    @Test
    void shouldQueueABurstBeyondTheBrokersReceiveMaximumAndSendItAllInOrder() throws Exception {
        try (FakeMqttBroker broker = new FakeMqttBroker(2);
             MqttJsonPublisher publisher = new MqttJsonPublisher(broker.uri(), "iwsim-test-2", 64, 1_000)) {
            publisher.connect();
            DeviceAddress monitor = DeviceAddress.of("ICU-A", "BED01", 1, DeviceKind.MONITOR);

            for (int i = 1; i <= 200; i++) {
                publisher.publishSample(monitor, new DeviceSample("MON-BED01", DeviceKind.MONITOR, i,
                        WireSamples.T_1015 + i * 60_000L, List.of(), Optional.empty()));
            }

            await().atMost(Duration.ofSeconds(20)).until(() -> publisher.published() == 200);
            assertThat(publisher.dropped()).isZero();
            assertThat(broker.published()).extracting(p -> mapper.readTree(p.payload()).path("msgId").asText())
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 200)
                            .mapToObj(i -> String.format("MON-BED01-%06d", i)).toList());
        }
    }
}
