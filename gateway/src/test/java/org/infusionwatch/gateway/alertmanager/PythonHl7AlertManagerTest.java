package org.infusionwatch.gateway.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.infusionwatch.gateway.alertmanager.AlertReportWriterTest.RAISED_MS;
import static org.infusionwatch.gateway.alertmanager.AlertReportWriterTest.alert;
import static org.infusionwatch.gateway.alertmanager.AlertReportWriterTest.change;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.infusionwatch.agent.eventlog.DeliveryLedger;
import org.infusionwatch.agent.model.AlertState;
import org.infusionwatch.agent.model.Priority;
import org.infusionwatch.gateway.testing.DebianTool;
import org.infusionwatch.gateway.testing.FreePort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's PCD-04 messages and MLLP client against an alert manager it did not write:
 * python-hl7 (Debian python3-hl7) reads each message and answers with its own ACK.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PythonHl7AlertManagerTest {
    @TempDir
    Path work;

    @Test
    void shouldBeReadAndAcknowledgedByPythonHl7() throws Exception {
        DebianTool.require("mllp_send", "python3-hl7");
        Path python = DebianTool.require("python3", "python3");
        Path script = work.resolve("python_hl7_alert_manager.py");
        try (InputStream in = getClass().getResourceAsStream("/alertmanager/python_hl7_alert_manager.py")) {
            Files.copy(in, script);
        }
        int port = FreePort.pick();
        Process p = new ProcessBuilder(python.toString(), script.toString(), Integer.toString(port))
                .redirectError(work.resolve("python-stderr.txt").toFile()).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                // the process ended
            }
        }, "python-hl7-output");
        pump.setDaemon(true);
        pump.start();
        try {
            assertThat(lines.poll(30, TimeUnit.SECONDS)).as(stderr()).isEqualTo("listening");
            try (AlertManagerForwarder f = new AlertManagerForwarder(new AlertReportWriter("INFUSIONWATCH", "0A12345678ABCDEF"),
                    new AlertManagerLink("127.0.0.1", port, 10_000),
                    DeliveryLedger.open(work, AlertManagerForwarder.LEDGER_FILE), () -> RAISED_MS, 10, 50, 50)) {
                f.start();
                f.onNotice(alert("a-1", Priority.LOW, Map.of("fio2", 0.7, "peep", 14, "fio2Baseline", 0.4,
                        "peepBaseline", 8, "minutesAfterOnset", 125)), 0);
                f.onNotice(change("a-1", AlertState.ESCALATED, RAISED_MS + 300_000), 0);
                f.onNotice(change("a-1", AlertState.RESOLVED, RAISED_MS + 600_000), 0);
                await().atMost(Duration.ofSeconds(30)).until(() -> f.acceptedCount() == 3);
                assertThat(f.failedAttempts()).isZero();
            }
            ObjectMapper json = new ObjectMapper();
            List<JsonNode> read = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                read.add(json.readTree(lines.poll(10, TimeUnit.SECONDS)));
            }
            assertThat(read).extracting(n -> n.path("type").asText()).containsOnly("ORU^R40^ORU_R40");
            assertThat(read).extracting(n -> n.path("bed").asText()).containsOnly("BED07");
            assertThat(read).extracting(n -> n.path("alertId").asText()).containsOnly("a-1");
            assertThat(read).extracting(n -> n.path("event").asText()).containsOnly("HYPOXEMIA_WORSENING");
            assertThat(read).extracting(n -> n.path("phase").asText() + " " + n.path("priority").asText())
                    .containsExactly("start PL", "escalate PH", "end PH");
            assertThat(read.get(0).path("text").asText()).isEqualTo(
                    "Worsening hypoxemia: FiO2 0.40 → 0.70 and PEEP 8 → 14 cmH2O, 2 h 05 min after onset");
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private String stderr() {
        try {
            return Files.readString(work.resolve("python-stderr.txt"));
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
