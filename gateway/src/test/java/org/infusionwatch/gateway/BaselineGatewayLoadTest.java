package org.infusionwatch.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.infusionwatch.gateway.mqtt.EmbeddedBroker;
import org.infusionwatch.gateway.testing.FreePort;
import org.infusionwatch.sims.load.LoadDriver;
import org.infusionwatch.sims.load.LoadResult;
import org.infusionwatch.sims.load.LoadSettings;
import org.infusionwatch.sims.load.baseline.BaselineGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load harness's floor (device-sims' {@code baseline-gateway}) under the load driver, small,
 * on a real broker: the driver must judge it as it judges the gateway, every message answered,
 * every MQTT message taken, every bed's alert seen once, on the report the gateway would raise it
 * on, with the baseline's own figures read from its metrics topic.
 */
class BaselineGatewayLoadTest {
    @TempDir
    Path work;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldBeJudgedByTheLoadDriverAsTheGatewayIs() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(work.resolve("broker"), FreePort.pick());
             BaselineGateway baseline = BaselineGateway.start("127.0.0.1", 0, broker.serverUri(), "BASELINETEST",
                     LoadDriver.ALERT_AT.toMillis())) {
            LoadSettings settings = new LoadSettings("127.0.0.1", baseline.mllpPort(), 4, broker.serverUri(), 12, 12, 10,
                    30, 1, 2, "BASELINETEST");
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            LoadResult result = new LoadDriver(settings, new PrintStream(console, true, StandardCharsets.UTF_8)).run();
            result.print(new PrintStream(console, true, StandardCharsets.UTF_8));

            assertThat(result.mllpSent()).isPositive().isEqualTo(result.mllpAccepted());
            assertThat(result.mqttSent()).isPositive().isEqualTo(result.mqttConfirmed());
            assertThat(baseline.reportsTaken()).isEqualTo(result.mllpSent() + result.mqttSent());
            assertThat(result.expectedAlerts()).isEqualTo(24);
            assertThat(result.alertsSeen()).isEqualTo(24);
            assertThat(result.unexpectedAlerts()).isZero();
            // Each alert is matched to the report that raised it, by bed and event time, so it is
            // timed from when that report reached the wire, as the gateway's alerts are.
            assertThat(result.alertFromWireMllp().getTotalCount()).isEqualTo(12);
            assertThat(result.alertFromWireMqtt().getTotalCount()).isEqualTo(12);
            assertThat(result.gatewayMetrics().path("baseline").asBoolean()).isTrue();
            assertThat(result.gatewayMetrics().path("alertLatency").path("count").asLong()).isEqualTo(24);
            assertThat(console.toString(StandardCharsets.UTF_8)).contains("PASS every MLLP message accepted")
                    .contains("PASS the gateway took every MQTT message the broker confirmed")
                    .contains("PASS alerts seen 24 of 24 expected");
        }
    }
}
