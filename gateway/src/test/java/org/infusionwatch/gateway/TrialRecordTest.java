package org.infusionwatch.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.infusionwatch.agent.model.AgentNotice;
import org.infusionwatch.agent.model.Alert;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.gateway.mqtt.EmbeddedBroker;
import org.infusionwatch.gateway.testing.AlertSubscriber;
import org.infusionwatch.gateway.testing.CliRun;
import org.infusionwatch.gateway.testing.FreePort;
import org.infusionwatch.gateway.testing.MllpTestClient;
import org.infusionwatch.gateway.testing.Pcd01Messages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trial record across restarts and re-derivations: state rebuilt from the journal, alerts
 * logged once and published at least once, replay equal to the live run, the hash chain checked,
 * and the coordinator commands on the result.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TrialRecordTest {
    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");
    private static final String BED = "BED21";

    @TempDir
    static Path brokerDir;
    private static EmbeddedBroker broker;

    @TempDir
    Path dataDir;

    private final List<AgentNotice> sent = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.start(brokerDir, FreePort.pick());
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    private Gateway gateway() {
        return Gateway.start(new GatewaySettings()
                .mllpHost("127.0.0.1")
                .mllpPort(0)
                .mqtt(broker.serverUri())
                .applicationName("IWTEST" + System.nanoTime())
                .dataDir(dataDir)
                .tickPeriodMs(3_600_000)
                .enrol(new BedRef("ICU-T", BED), "STROMA-0021"), (n, t) -> sent.add(n));
    }

    private static void send(Gateway gateway, List<String> messages) throws Exception {
        try (MllpTestClient client = new MllpTestClient(gateway.mllpPort())) {
            for (String m : messages) {
                client.sendFramed(m);
                assertThat(MllpTestClient.msa(client.readAck())[1]).isEqualTo("AA");
            }
        }
    }

    private List<String> alertsSent() {
        return sent.stream().filter(Alert.class::isInstance).map(n -> ((Alert) n).alertId()).toList();
    }

    private static List<String> rows(Path dir) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("eventlog.db"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT kind, alert_id, infusion_id, code, state, event_ms, onset_ms,"
                     + " patient FROM events ORDER BY seq")) {
            while (rs.next()) {
                rows.add(String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
            }
        }
        return rows;
    }

    private static void sql(Path file, String statement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement()) {
            st.executeUpdate(statement);
        }
    }

    @Test
    void shouldRebuildStateAfterRestartAndRaiseTheAlertOnceAndPublishIt() throws Exception {
        List<String> script = Pcd01Messages.hypoxemicInfusion(BED, T0);
        int half = script.size() - 4;
        try (AlertSubscriber subscriber = new AlertSubscriber(broker.serverUri(), "icu/ICU-T/" + BED + "/alerts")) {
            try (Gateway first = gateway()) {
                send(first, script.subList(0, half));
            }
            assertThat(alertsSent()).isEmpty();

            try (Gateway second = gateway()) {
                assertThat(second.recoveredInputs()).isGreaterThanOrEqualTo(half);
                send(second, script.subList(half, script.size()));
                await().atMost(Duration.ofSeconds(20)).until(() -> subscriber.received().size() == 1);
            }
            assertThat(alertsSent()).hasSize(1);

            sent.clear();
            try (Gateway third = gateway()) {
                assertThat(third.recoveredInputs()).isGreaterThanOrEqualTo(script.size());
            }
            assertThat(alertsSent()).as("a delivered alert is not sent again").isEmpty();
        }
        assertThat(rows(dataDir)).filteredOn(r -> r.startsWith("ALERT|")).hasSize(1);
    }

    @Test
    void shouldSendAgainAnAlertThatWasLoggedButNeverConfirmedByTheBroker() throws Exception {
        try (Gateway live = gateway()) {
            send(live, Pcd01Messages.hypoxemicInfusion(BED, T0));
            await().atMost(Duration.ofSeconds(20)).until(() -> alertsSent().size() == 1);
        }
        String alertId = alertsSent().get(0);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("deliveries.db"));
                 Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM deliveries WHERE notice_key LIKE 'ALERT|%'")) {
                return rs.getInt(1) == 1;
            }
        });
        sql(dataDir.resolve("deliveries.db"), "DELETE FROM deliveries WHERE notice_key LIKE 'ALERT|%'");
        sent.clear();

        try (AlertSubscriber subscriber = new AlertSubscriber(broker.serverUri(), "icu/ICU-T/" + BED + "/alerts");
             Gateway restarted = gateway()) {
            assertThat(alertsSent()).containsExactly(alertId);
            await().atMost(Duration.ofSeconds(20)).until(() -> subscriber.received().size() == 1);
            assertThat(subscriber.received().get(0).path("alertId").asText()).isEqualTo(alertId);
        }
        assertThat(rows(dataDir)).filteredOn(r -> r.startsWith("ALERT|")).hasSize(1);
    }

    @Test
    void shouldReplayTheJournalAndTheRecordedHl7ToExactlyTheLiveEventLog(@TempDir Path fromJournal,
                                                                       @TempDir Path fromHl7) throws Exception {
        List<String> script = Pcd01Messages.hypoxemicInfusion(BED, T0);
        try (Gateway live = gateway()) {
            send(live, script);
            await().atMost(Duration.ofSeconds(20)).until(() -> alertsSent().size() == 1);
        }
        Path recording = fromHl7.resolve("recording.hl7");
        Files.writeString(recording, String.join("\n\n", script).replace("\r", "\n"), StandardCharsets.UTF_8);

        CliRun journalReplay = CliRun.of("replay", "--input", dataDir.resolve("journal.db").toString(),
                "--data-dir", fromJournal.toString(), "--protocol", "STROMA");
        CliRun hl7Replay = CliRun.of("replay", "--input", recording.toString(), "--data-dir", fromHl7.toString(),
                "--config", dataDir.resolve("gateway-settings.json").toString());

        assertThat(journalReplay.exitCode()).as(journalReplay.out()).isZero();
        assertThat(hl7Replay.exitCode()).as(hl7Replay.out()).isZero();
        List<String> liveRows = rows(dataDir);
        assertThat(liveRows).filteredOn(r -> r.startsWith("ALERT|HYPOXEMIA") || r.contains("HYPOXEMIA_WORSENING"))
                .hasSize(1);
        assertThat(rows(fromJournal)).isEqualTo(liveRows);
        assertThat(rows(fromHl7)).isEqualTo(liveRows);
    }

    @Test
    void shouldNameTheFirstEditedRowWhenVerifyingTheChain() throws Exception {
        try (Gateway live = gateway()) {
            send(live, Pcd01Messages.hypoxemicInfusion(BED, T0));
            await().atMost(Duration.ofSeconds(20)).until(() -> alertsSent().size() == 1);
        }
        CliRun intact = CliRun.of("verify", "--data-dir", dataDir.toString());
        assertThat(intact.exitCode()).as(intact.out()).isZero();
        assertThat(intact.out()).contains("intact: 2 rows");

        sql(dataDir.resolve("eventlog.db"), "UPDATE events SET code = 'NOTHING_HAPPENED' WHERE seq = 2");

        CliRun broken = CliRun.of("verify", "--data-dir", dataDir.toString());
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.out()).contains("BROKEN at row 2");
    }

    @Test
    void shouldListTheEventsAndReportThemPerInfusionWithASafetyTable() throws Exception {
        try (Gateway live = gateway()) {
            send(live, Pcd01Messages.hypoxemicInfusion(BED, T0));
            await().atMost(Duration.ofSeconds(20)).until(() -> alertsSent().size() == 1);
        }
        CliRun csv = CliRun.of("events", "--data-dir", dataDir.toString(), "--event", "HYPOXEMIA_WORSENING",
                "--format", "csv");
        assertThat(csv.out().lines()).hasSize(2);
        assertThat(csv.out()).contains("ICU-T,BED21,STROMA-0021,ICU-T/BED21/1,ALERT,HYPOXEMIA_WORSENING,RAISED");

        CliRun json = CliRun.of("events", "--data-dir", dataDir.toString(), "--bed", "ICU-T/BED21", "--format", "json",
                "--from", "2026-11-22", "--to", "2026-11-23");
        assertThat(json.out()).contains("\"code\" : \"INFUSION_OPENED\"", "\"code\" : \"HYPOXEMIA_WORSENING\"");

        CliRun report = CliRun.of("report", "--data-dir", dataDir.toString());
        assertThat(report.exitCode()).isZero();
        assertThat(report.out()).containsPattern("STROMA-0021 +ICU-T/BED21/1 +HYPOXEMIA_WORSENING +2 h 00 min");
        assertThat(report.out()).containsPattern("HYPOXEMIA_WORSENING +1 +1");
        assertThat(report.out()).containsPattern("VASOPRESSOR_ESCALATION +0 +0");
        assertThat(report.out()).doesNotContainIgnoringCase("placebo").doesNotContainIgnoringCase("active arm");
    }

    @Test
    void shouldLogWhoAcknowledgedAndAnnotatedAnAlertSentOverMqtt() throws Exception {
        org.eclipse.paho.mqttv5.client.MqttClient nurse = new org.eclipse.paho.mqttv5.client.MqttClient(
                broker.serverUri(), "nurse-station-" + System.nanoTime(),
                new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
        try (Gateway live = gateway();
             AlertSubscriber subscriber = new AlertSubscriber(broker.serverUri(), "icu/ICU-T/" + BED + "/alerts")) {
            send(live, Pcd01Messages.hypoxemicInfusion(BED, T0));
            await().atMost(Duration.ofSeconds(20)).until(() -> subscriber.forBed(BED).size() == 1);
            String alertId = subscriber.forBed(BED).get(0).path("alertId").asText();
            nurse.connect();
            for (String action : List.of("ACKNOWLEDGE", "ANNOTATE")) {
                String body = ("{\"actionId\":\"A-%s\",\"alertId\":\"%s\",\"action\":\"%s\","
                        + "\"time\":\"2026-11-22T11:20:00Z\",\"by\":\"nurse-17\",\"note\":\"FiO2 raised by the team\"}")
                        .formatted(action, alertId, action);
                org.eclipse.paho.mqttv5.common.MqttMessage m =
                        new org.eclipse.paho.mqttv5.common.MqttMessage(body.getBytes(StandardCharsets.UTF_8));
                m.setQos(1);
                nurse.publish("icu/ICU-T/" + BED + "/alert-actions", m);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> subscriber.inState(BED, "ANNOTATED").size() == 1);
            assertThat(subscriber.inState(BED, "ACKNOWLEDGED")).singleElement()
                    .satisfies(n -> assertThat(n.path("by").asText()).isEqualTo("nurse-17"));
            nurse.disconnect();
        } finally {
            nurse.close();
        }
        CliRun events = CliRun.of("events", "--data-dir", dataDir.toString(), "--event", "HYPOXEMIA_WORSENING",
                "--format", "csv");
        assertThat(events.out()).contains(",RAISED,", ",ACKNOWLEDGED,", ",ANNOTATED,", "nurse-17");
        assertThat(CliRun.of("verify", "--data-dir", dataDir.toString()).exitCode()).isZero();
    }
}
