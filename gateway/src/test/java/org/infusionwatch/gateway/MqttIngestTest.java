package org.infusionwatch.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.gateway.testing.AlertSubscriber;
import org.infusionwatch.gateway.testing.FreePort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** MQTT ingest seen from a device and a clinician's client on the embedded broker. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MqttIngestTest {
    @TempDir
    static Path dataDir;
    private static Gateway gateway;
    private static MqttClient device;

    @BeforeAll
    static void start() throws Exception {
        gateway = Gateway.start(new GatewaySettings()
                .mllpHost("127.0.0.1")
                .mllpPort(0)
                .embeddedMqttPort(FreePort.pick())
                .dataDir(dataDir)
                .enrol(new BedRef("ICU-M", "BED01"), "STROMA-0042"), (n, t) -> { });
        device = new MqttClient(gateway.mqttUri(), "test-device", new MemoryPersistence());
        device.connect();
    }

    @AfterAll
    static void stop() throws Exception {
        if (device != null) {
            device.disconnect();
            device.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    private static void publish(String topic, String payload) throws Exception {
        MqttMessage m = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        m.setQos(1);
        device.publish(topic, m);
    }

    private static int journalRows(String where) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("journal.db"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM inputs WHERE " + where)) {
            return rs.getInt(1);
        }
    }

    @Test
    void shouldCountLogAndJournalAPayloadThatIsNotJsonAndKeepServing() throws Exception {
        long before = gateway.mqttRejectedCount();
        publish("icu/ICU-M/BED02/MON-BED02/obs", "{not json");
        await().atMost(Duration.ofSeconds(20)).until(() -> gateway.mqttRejectedCount() == before + 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> journalRows(
                "kind = 'REJECTED' AND format = 'MQTT_JSON' AND CAST(payload AS TEXT) = '{not json'") == 1);

        publish("icu/ICU-M/BED02/MON-BED02/obs", """
                {"msgId":"MON-BED02-1","time":"2026-11-22T10:00:00Z",
                 "obs":[{"code":150456,"refId":"MDC_PULS_OXIM_SAT_O2","value":94,"unit":"MDC_DIM_PERCENT"}]}""");
        await().atMost(Duration.ofSeconds(20)).until(() -> journalRows(
                "kind = 'DEVICE_REPORT' AND origin = 'icu/ICU-M/BED02/MON-BED02/obs'") == 1);
    }

    @Test
    void shouldRefuseAPayloadMissingARequiredFieldNamingTheField() throws Exception {
        publish("icu/ICU-M/BED03/MON-BED03/obs", "{\"time\":\"2026-11-22T10:00:00Z\",\"obs\":[]}");
        await().atMost(Duration.ofSeconds(20)).until(() -> journalRows(
                "kind = 'REJECTED' AND reject_reason LIKE '%''msgId''%'") == 1);
    }

    @Test
    void shouldOpenAnInfusionWindowFromAClinicianEntryAndPublishIt() throws Exception {
        try (AlertSubscriber infusions = new AlertSubscriber(gateway.mqttUri(), "icu/ICU-M/BED01/infusions")) {
            publish("icu/ICU-M/BED01/entries", """
                    {"entryId":"E-1","type":"INFUSION_START","time":"2026-11-22T11:00:00Z","by":"nurse-17"}""");
            await().atMost(Duration.ofSeconds(20)).until(() -> !infusions.received().isEmpty());
            assertThat(infusions.received().get(0).path("change").asText()).isEqualTo("OPENED");
            assertThat(infusions.received().get(0).path("patient").asText()).isEqualTo("STROMA-0042");
            assertThat(infusions.received().get(0).path("onsetTime").asText()).isEqualTo("2026-11-22T11:00:00Z");
        }
    }
}
