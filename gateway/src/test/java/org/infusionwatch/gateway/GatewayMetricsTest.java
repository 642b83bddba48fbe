package org.infusionwatch.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The metrics snapshot a load driver reads: latency, MQTT intake and where the engine ran. */
class GatewayMetricsTest {

    @Test
    void shouldReportTheRecordedLatencyAndTheCountsItIsGiven() throws Exception {
        GatewayMetrics metrics = new GatewayMetrics();
        AtomicLong onEdge = new AtomicLong(7);
        metrics.countMqttIntake(() -> 40, () -> 2);
        metrics.countEngineOnEdgeThreads(onEdge::get);
        metrics.recordAlertLatency(TimeUnit.MICROSECONDS.toNanos(300));

        JsonNode first = new ObjectMapper().readTree(metrics.snapshotJson());
        onEdge.set(9);
        JsonNode second = new ObjectMapper().readTree(metrics.snapshotJson());

        assertThat(first.path("alertLatency").path("count").asLong()).isEqualTo(1);
        assertThat(first.path("alertLatency").path("p99Ns").asLong()).isBetween(299_000L, 301_000L);
        assertThat(first.path("mqttIntake").path("accepted").asLong()).isEqualTo(40);
        assertThat(first.path("mqttIntake").path("refused").asLong()).isEqualTo(2);
        assertThat(first.path("engineInputsOnEdgeThreads").asLong()).isEqualTo(7);
        assertThat(second.path("engineInputsOnEdgeThreads").asLong()).as("read at each snapshot").isEqualTo(9);
        assertThat(second.path("alertLatency").path("count").asLong()).as("cumulative").isEqualTo(1);
    }
}
