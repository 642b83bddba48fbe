package org.infusionwatch.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.gateway.testing.AlertSubscriber;
import org.infusionwatch.gateway.testing.FreePort;
import org.infusionwatch.sims.SimClock;
import org.infusionwatch.sims.SimulatedIcu;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Device to nurse over real sockets: simulated ventilators, monitors and study pumps send HL7 over
 * MLLP and JSON over MQTT to a gateway, and a subscriber on the broker sees the alerts. Beds (the
 * simulators' default rotation): BED01 hypoxemia (MLLP), BED02 near miss just under both
 * thresholds, BED03 stable, BED04 hypoxemia with every device on MQTT.
 */
abstract class HypoxemiaEndToEndTest {
    private static final double SPEED = 3600;
    private static final long HOUR_MS = 3_600_000L;

    @TempDir
    Path dataDir;

    /** Where the gateway's MQTT goes: {@code embedded} or a broker URI. */
    abstract String mqtt();

    /** The broker the subscriber and the simulators use, once the gateway has started. */
    String brokerUri(Gateway gateway) {
        return gateway.mqttUri();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldAlertHypoxemicBedsAndStaySilentForTheNearMissAndStableBeds() throws Exception {
        Instant simStart = Instant.parse("2026-11-22T08:00:00Z");
        SimClock clock = SimClock.realTime(simStart, SPEED);
        GatewaySettings settings = new GatewaySettings()
                .mllpHost("127.0.0.1")
                .mllpPort(0)
                .mqtt(mqtt())
                .embeddedMqttPort(FreePort.pick())
                .dataDir(dataDir)
                .tickPeriodMs(100)
                .agentClockMs(clock::nowMillis)
                // as run and demo do: the private warm-up bed must reach neither the broker nor the log
                .warmupAlerts(3_000);
        for (int i = 1; i <= 4; i++) {
            settings.enrol(new BedRef("ICU-A", "BED0" + i), "STROMA-000" + i);
        }
        try (Gateway gateway = Gateway.start(settings, (n, t) -> { });
             AlertSubscriber alerts = new AlertSubscriber(brokerUri(gateway), "icu/+/+/alerts");
             SimulatedIcu icu = SimulatedIcu.builder()
                     .unit("ICU-A")
                     .beds(4)
                     .clock(clock)
                     .mllp("127.0.0.1", gateway.mllpPort())
                     .mqtt(brokerUri(gateway))
                     .build()) {
            icu.start();

            await().atMost(Duration.ofSeconds(60)).until(() -> alerts.forBed("BED01").size() == 1
                    && alerts.forBed("BED04").size() == 1);
            JsonNode alert = alerts.forBed("BED01").get(0);
            assertThat(alert.path("event").asText()).isEqualTo("HYPOXEMIA_WORSENING");
            assertThat(alert.path("patient").asText()).isEqualTo("STROMA-0001");
            assertThat(alert.path("unit").asText()).isEqualTo("ICU-A");
            assertThat(alert.path("priority").asText()).isEqualTo("HIGH");
            assertThat(alert.path("state").asText()).isEqualTo("RAISED");
            assertThat(alert.path("protocol").asText()).isEqualTo("STROMA");
            assertThat(alert.path("evidence").path("fio2Baseline").asDouble()).isEqualTo(0.40);
            assertThat(alert.path("evidence").path("fio2").asDouble()).isEqualTo(0.70);
            assertThat(alert.path("evidence").path("peep").asDouble()).isEqualTo(14.0);
            assertThat(alert.path("evidence").path("minutesAfterOnset").asLong()).isBetween(119L, 121L);

            // Let every window close (onset at +1 h, window 6 h, hold 15 min) before judging silence.
            long allWindowsClosed = simStart.toEpochMilli() + 7 * HOUR_MS + HOUR_MS / 2;
            await().atMost(Duration.ofSeconds(60)).until(() -> clock.nowMillis() > allWindowsClosed);
            assertThat(alerts.forBed("BED02")).as("near miss").isEmpty();
            assertThat(alerts.forBed("BED03")).as("stable").isEmpty();
            assertThat(alerts.received()).filteredOn(n -> n.path("state").asText().equals("RAISED")).hasSize(2);
            assertThat(alerts.received()).as("the warm-up's alerts").noneMatch(n -> n.path("unit").asText().equals("~WARMUP"));
            assertThat(alerts.inState("BED01", "ESCALATED")).as("nobody acknowledged it within 5 min").hasSize(1);
        }
        assertThat(alertRowsInEventLog("BED01")).isEqualTo(1);
        assertThat(alertRowsInEventLog("BED04")).isEqualTo(1);
        assertThat(alertRowsInEventLog("BED02")).isZero();
        assertThat(rowsOfUnitInEventLog("~WARMUP")).as("the warm-up bed").isZero();
    }

    private int rowsOfUnitInEventLog(String unit) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("eventlog.db"));
             PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM events WHERE unit = ?")) {
            st.setString(1, unit);
            try (ResultSet rs = st.executeQuery()) {
                return rs.getInt(1);
            }
        }
    }

    private int alertRowsInEventLog(String bed) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("eventlog.db"));
             PreparedStatement st = c.prepareStatement(
                     "SELECT COUNT(*) FROM events WHERE kind = 'ALERT' AND state = 'RAISED'"
                             + " AND code = 'HYPOXEMIA_WORSENING' AND bed = ?")) {
            st.setString(1, bed);
            try (ResultSet rs = st.executeQuery()) {
                return rs.getInt(1);
            }
        }
    }
}
