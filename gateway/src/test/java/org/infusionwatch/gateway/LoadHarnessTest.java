package org.infusionwatch.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.infusionwatch.gateway.testing.FreePort;
import org.infusionwatch.sims.load.LoadDriver;
import org.infusionwatch.sims.load.LoadResult;
import org.infusionwatch.sims.load.LoadSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load harness against a real gateway, small: it must count every message and alert it
 * drove and read the gateway's metrics. The speed targets are judged by full-size runs
 * (README, Performance), not here.
 */
class LoadHarnessTest {
    @TempDir
    Path dataDir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldAccountForEveryMessageAndAlertItDrove() throws Exception {
        try (Gateway gateway = Gateway.start(new GatewaySettings()
                .applicationName("LOADTEST")
                .mllpHost("127.0.0.1")
                .mllpPort(0)
                .embeddedMqttPort(FreePort.pick())
                .dataDir(dataDir), (n, t) -> { })) {
            LoadSettings settings = new LoadSettings("127.0.0.1", gateway.mllpPort(), 4, gateway.mqttUri(), 12, 12, 10,
                    30, 1, 2, "LOADTEST");
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            LoadResult result = new LoadDriver(settings, new PrintStream(console, true, StandardCharsets.UTF_8)).run();
            result.print(new PrintStream(console, true, StandardCharsets.UTF_8));

            assertThat(result.mllpSent()).isPositive().isEqualTo(result.mllpAccepted());
            assertThat(result.mqttSent()).isPositive().isEqualTo(result.mqttConfirmed());
            assertThat(result.expectedAlerts()).isEqualTo(24);
            assertThat(result.alertsSeen()).isEqualTo(24);
            assertThat(result.unexpectedAlerts()).as("the beds' running noradrenaline stays under every threshold")
                    .isZero();
            assertThat(result.alertLatency().getTotalCount()).isEqualTo(24);
            assertThat(result.alertLatencyAtFullLoad().getTotalCount())
                    .as("every bed starts within the first second; each alert comes 6.5 s after its start").isEqualTo(24);
            // Every alert is also timed from when its message reached the wire, which is never
            // before it was due: that figure is the shorter of the two.
            assertThat(result.alertFromWireMllp().getTotalCount()).isEqualTo(12);
            assertThat(result.alertFromWireMqtt().getTotalCount()).isEqualTo(12);
            assertThat(Math.max(result.alertFromWireMllp().getMaxValue(), result.alertFromWireMqtt().getMaxValue()))
                    .isLessThanOrEqualTo(result.alertLatency().getMaxValue());
            assertThat(result.sendLateness().getTotalCount()).as("every message sent is timed against when it was due")
                    .isEqualTo(result.mllpSent() + result.mqttSent());
            assertThat(result.gatewayMetrics()).isNotNull();
            assertThat(result.gatewayMetrics().path("alertLatency").path("count").asLong()).isEqualTo(24);
            assertThat(result.idleCpuShare()).isBetween(0.0, 1.0);
            assertThat(console.toString(StandardCharsets.UTF_8)).contains("PASS every MLLP message accepted")
                    .contains("PASS no alert of another event (0)");
        }
    }
}
