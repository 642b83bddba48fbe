package org.infusionwatch.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.infusionwatch.agent.eventlog.DeliveryLedger;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.agent.model.InfusionNotice;
import org.infusionwatch.gateway.GatewayMetrics;
import org.infusionwatch.gateway.testing.AlertSubscriber;
import org.infusionwatch.gateway.testing.MosquittoBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A burst of notices far larger than the broker's in-flight window must all reach a subscriber
 * and the delivery ledger, in order of publication, none refused. Debian's Mosquitto (a broker
 * nobody here wrote, started by the test) grants a client a Receive Maximum of 20 by default.
 */
class MqttNoticePublisherTest {
    private static final int BEDS = 2_000;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void shouldDeliverABurstLargerThanTheBrokersInFlightWindow() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start(dir);
             DeliveryLedger ledger = DeliveryLedger.open(dir);
             AlertSubscriber subscriber = new AlertSubscriber(broker.serverUri(), "icu/+/+/infusions");
             MqttNoticePublisher publisher = new MqttNoticePublisher(broker.serverUri(), "burst-test",
                     new NoticeJson(new ObjectMapper()), ledger, new GatewayMetrics())) {
            publisher.start();
            List<InfusionNotice> burst = new ArrayList<>();
            for (int i = 0; i < BEDS; i++) {
                BedRef bed = new BedRef("ICU-B", "B%04d".formatted(i));
                burst.add(new InfusionNotice(bed, "P%04d".formatted(i), bed.key() + "/1", InfusionNotice.Kind.OPENED,
                        1_790_000_000_000L, 1_790_000_000_000L, "PUMP-" + i, "STROMA", "0".repeat(64)));
            }
            burst.forEach(n -> publisher.onNotice(n, System.nanoTime()));

            await().atMost(Duration.ofSeconds(60)).until(() -> subscriber.received().size() == BEDS);
            await().atMost(Duration.ofSeconds(10)).until(() -> burst.stream().allMatch(ledger::isDelivered));
            assertThat(publisher.waiting()).isZero();
            assertThat(subscriber.received()).extracting(n -> n.path("bed").asText()).doesNotHaveDuplicates();
        }
    }
}
