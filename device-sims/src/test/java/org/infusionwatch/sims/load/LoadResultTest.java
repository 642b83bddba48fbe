package org.infusionwatch.sims.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The harness's verdict on MQTT messages: what the broker confirmed must have reached the gateway. */
class LoadResultTest {
    private static final LoadSettings SETTINGS = new LoadSettings("127.0.0.1", 2575, 1, "tcp://127.0.0.1:1883", 1, 1,
            10, 5, 0, 0, "INFUSIONWATCH");

    private static Histogram fast() {
        Histogram h = new Histogram(3);
        h.recordValue(500_000);
        return h;
    }

    private static LoadResult run(long mqttConfirmed, long mqttTakenByGateway) throws Exception {
        JsonNode metrics = new ObjectMapper().readTree("""
                {"alertLatency": {"count": 1, "p99Ns": 200000}, "heapMaxSeenBytes": 1048576}""");
        return new LoadResult(SETTINGS, 20, 10, 10, 0, mqttConfirmed, mqttConfirmed, 0, mqttTakenByGateway, fast(),
                fast(), fast(), fast(), fast(), fast(), 1, 1, 0, metrics, 0.001);
    }

    @Test
    void shouldPassWhenTheGatewayTookEveryConfirmedMessage() throws Exception {
        LoadResult result = run(10, 10);

        assertThat(result.verdicts()).contains("PASS the gateway took every MQTT message the broker confirmed (10 of 10)");
        assertThat(result.passed()).isTrue();
    }

    @Test
    void shouldFailWhenTheBrokerDroppedMessagesOnTheirWayToTheGateway() throws Exception {
        LoadResult result = run(10, 7);

        assertThat(result.verdicts()).contains("FAIL the gateway took every MQTT message the broker confirmed (7 of 10)");
        assertThat(result.passed()).isFalse();
    }

    @Test
    void shouldFailWhenTheGatewayDoesNotSay() throws Exception {
        LoadResult result = run(10, -1);

        assertThat(result.verdicts()).contains("FAIL the gateway does not report how many MQTT messages it took");
        assertThat(result.passed()).isFalse();
    }
}
