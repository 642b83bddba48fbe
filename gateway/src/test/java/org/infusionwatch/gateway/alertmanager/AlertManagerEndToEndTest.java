package org.infusionwatch.gateway.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.gateway.Gateway;
import org.infusionwatch.gateway.GatewaySettings;
import org.infusionwatch.gateway.testing.AlertSubscriber;
import org.infusionwatch.gateway.testing.FreePort;
import org.infusionwatch.sims.SimClock;
import org.infusionwatch.sims.SimulatedIcu;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.infusionwatch.sims.alertmanager.ReceivedAlert;
import org.infusionwatch.sims.alertmanager.SimulatedAlertManager;

/**
 * A simulated hypoxemic bed over MLLP, a gateway with an alert manager configured, and an alert
 * manager that is away while the alert is raised and the gateway stops: the next gateway start
 * sends the alert it never confirmed.
 */
class AlertManagerEndToEndTest {
    private static final Instant SIM_START = Instant.parse("2026-11-22T08:00:00Z");

    @TempDir
    Path dataDir;

    private GatewaySettings settings(int alertManagerPort, SimClock clock) {
        return new GatewaySettings()
                .mllpHost("127.0.0.1")
                .mllpPort(0)
                .embeddedMqttPort(FreePort.pick())
                .dataDir(dataDir)
                .tickPeriodMs(100)
                .agentClockMs(clock::nowMillis)
                .enrol(new BedRef("ICU-A", "BED01"), "STROMA-0001")
                .alertManager("127.0.0.1:" + alertManagerPort);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldSendAnAlertRaisedWhileTheAlertManagerWasAwayOnceItIsBackAfterARestart() throws Exception {
        int port = FreePort.pick(); // nobody listens there
        SimClock clock = SimClock.realTime(SIM_START, 3600);
        String alertId;
        try (Gateway gateway = Gateway.start(settings(port, clock), (n, t) -> { });
             AlertSubscriber alerts = new AlertSubscriber(gateway.mqttUri(), "icu/+/+/alerts");
             SimulatedIcu icu = SimulatedIcu.builder().unit("ICU-A").beds(1).clock(clock)
                     .mllp("127.0.0.1", gateway.mllpPort()).mqtt(gateway.mqttUri()).build()) {
            icu.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> alerts.forBed("BED01").size() >= 1);
            alertId = alerts.forBed("BED01").get(0).path("alertId").asText();
        }
        assertThat(alertId).isNotBlank();
        String eui64 = java.nio.file.Files.readString(dataDir.resolve(GatewayEui64.FILE)).strip();

        SimClock later = SimClock.realTime(SIM_START.plusSeconds(3 * 3600), 1);
        try (SimulatedAlertManager am = SimulatedAlertManager.start("127.0.0.1", port, a -> { });
             Gateway restarted = Gateway.start(settings(port, later), (n, t) -> { })) {
            await().atMost(Duration.ofSeconds(30)).until(() -> am.received().stream().anyMatch(a -> a.alertId().equals(alertId)));
            List<ReceivedAlert> raised = am.received().stream().filter(a -> a.alertId().equals(alertId)).toList();
            Pcd04Reading first = Pcd04Reading.of(raised.get(0).message());
            assertThat(first.get("/PATIENT_RESULT/ORDER_OBSERVATION/OBR-3-1")).isEqualTo(alertId);
            assertThat(first.get("/PATIENT_RESULT/PATIENT/VISIT/PV1-3-3")).isEqualTo("BED01");
            assertThat(first.get("/MSH-3-2")).as("the sender's EUI-64 made at the first start, kept across the restart")
                    .isEqualTo(eui64);
            assertThat(first.obx(0, 5, 1)).isEqualTo("HYPOXEMIA_WORSENING");
            assertThat(raised.get(0).event()).as("as the simulated alert manager reads it").isEqualTo("HYPOXEMIA_WORSENING");
            assertThat(first.attribute("68481")).isEqualTo("start");
            assertThat(am.received()).as("no patient pseudonym").noneMatch(a -> a.message().contains("STROMA-0001"));
        }
    }
}
