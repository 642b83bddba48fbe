package org.infusionwatch.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.infusionwatch.gateway.testing.MllpTestClient.msa;

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
import org.infusionwatch.agent.model.EventCode;
import org.infusionwatch.gateway.testing.CliRun;
import org.infusionwatch.gateway.testing.FreePort;
import org.infusionwatch.gateway.testing.MllpTestClient;
import org.infusionwatch.gateway.testing.Pcd01Messages;
import org.infusionwatch.sims.model.ClinicianEntry;
import org.infusionwatch.sims.wire.Hl7EntryWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A charting system's clinician entries over HL7/MLLP, end to end through a running gateway: the
 * entry is acknowledged once durable, raises its event inside the infusion's window, is journaled
 * as an entry and replays to the same event-log row.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ClinicianEntryOverHl7Test {
    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");
    private static final List<AgentNotice> NOTICES = new CopyOnWriteArrayList<>();

    @TempDir
    static Path dataDir;
    private static Gateway gateway;

    private final Hl7EntryWriter charting = new Hl7EntryWriter();

    @BeforeAll
    static void startGateway() {
        // One gateway for the class, one bed per test: starting the embedded broker is the slow part.
        gateway = Gateway.start(new GatewaySettings()
                .mllpHost("127.0.0.1")
                .mllpPort(0)
                .embeddedMqttPort(FreePort.pick())
                .dataDir(dataDir)
                // The test's event times are fixed; no wall-clock tick may move the beds' time.
                .tickPeriodMs(3_600_000)
                .enrol(new BedRef("ICU-T", "BED31"), "STROMA-0031"), (n, t) -> NOTICES.add(n));
    }

    @AfterAll
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private String entry(String bed, String id, String type, Instant time) {
        return charting.write("ICU-T", bed, new ClinicianEntry(id, type, time.toEpochMilli(), "nurse-17",
                "synchronised 150 J"));
    }

    @Test
    void shouldAcknowledgeAnHl7CardioversionAndRaiseArrhythmiaCardioversionInsideTheWindow(@TempDir Path replayDir)
            throws Exception {
        try (MllpTestClient client = new MllpTestClient(gateway.mllpPort())) {
            client.sendFramed(Pcd01Messages.studyStartAt("PUMP-START-1", "BED31", T0));
            assertThat(msa(client.readAck())[1]).isEqualTo("AA");

            client.sendFramed(entry("BED31", "E-7731", "CARDIOVERSION", T0.plus(Duration.ofMinutes(90))));
            String[] ack = msa(client.readAck());
            assertThat(ack[1]).isEqualTo("AA");
            assertThat(ack[2]).isEqualTo("CHART-E-7731");

            await().atMost(Duration.ofSeconds(20)).until(() -> !cardioversions("BED31").isEmpty());
        }
        Alert alert = cardioversions("BED31").get(0);
        assertThat(alert.patient()).isEqualTo("STROMA-0031");
        assertThat(alert.infusionId()).isEqualTo("ICU-T/BED31/1");
        assertThat(alert.onsetMs()).isEqualTo(T0.plus(Duration.ofMinutes(90)).toEpochMilli());
        assertThat(alert.evidence()).containsEntry("by", "nurse-17").containsEntry("entryId", "E-7731")
                .containsEntry("note", "synchronised 150 J").containsEntry("minutesAfterOnset", 90L);
        assertThat(journal()).contains("CLINICIAN_ENTRY|HL7_MLLP");

        // The live journal, as a coordinator may replay it while the gateway runs.
        CliRun replay = CliRun.of("replay", "--input", dataDir.resolve("journal.db").toString(),
                "--data-dir", replayDir.toString());
        assertThat(replay.exitCode()).as(replay.out()).isZero();
        assertThat(codes(replayDir)).contains("ARRHYTHMIA_CARDIOVERSION");
    }

    @Test
    void shouldNotRaiseACardioversionChartedAfterTheSixHourWindow() throws Exception {
        try (MllpTestClient client = new MllpTestClient(gateway.mllpPort())) {
            client.sendFramed(Pcd01Messages.studyStartAt("PUMP-START-2", "BED32", T0));
            assertThat(msa(client.readAck())[1]).isEqualTo("AA");
            client.sendFramed(entry("BED32", "E-7732", "CARDIOVERSION", T0.plus(Duration.ofMinutes(361))));
            assertThat(msa(client.readAck())[1]).isEqualTo("AA");
            // Death within 24 h is still an event: once it is in, the earlier entry was seen too.
            client.sendFramed(entry("BED32", "E-7733", "DEATH", T0.plus(Duration.ofHours(20))));
            assertThat(msa(client.readAck())[1]).isEqualTo("AA");

            await().atMost(Duration.ofSeconds(20)).until(() -> alerts("BED32").stream()
                    .anyMatch(a -> a.event() == EventCode.DEATH));
        }
        assertThat(cardioversions("BED32")).isEmpty();
    }

    @Test
    void shouldRefuseAnEntryWithoutItsBedWithAeAndJournalItForInspection() throws Exception {
        String withoutBed = entry("BED33", "E-7734", "CARDIAC_ARREST", T0).replace("PV1||I|ICU-T^^BED33\r", "");
        try (MllpTestClient client = new MllpTestClient(gateway.mllpPort())) {
            client.sendFramed(withoutBed);
            String[] ack = msa(client.readAck());

            assertThat(ack[1]).isEqualTo("AE");
            assertThat(ack[3]).contains("PV1-3");
        }
        assertThat(journal()).contains("REJECTED|HL7_MLLP");
    }

    private static List<Alert> alerts(String bed) {
        return NOTICES.stream().filter(Alert.class::isInstance).map(Alert.class::cast)
                .filter(a -> a.bed().bed().equals(bed)).toList();
    }

    private static List<Alert> cardioversions(String bed) {
        return alerts(bed).stream().filter(a -> a.event() == EventCode.ARRHYTHMIA_CARDIOVERSION).toList();
    }

    private static List<String> journal() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("journal.db"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT kind, format FROM inputs ORDER BY seq")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + "|" + rs.getString(2));
            }
        }
        return rows;
    }

    private static List<String> codes(Path dir) throws Exception {
        List<String> codes = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("eventlog.db"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT code FROM events ORDER BY seq")) {
            while (rs.next()) {
                codes.add(rs.getString(1));
            }
        }
        return codes;
    }
}
