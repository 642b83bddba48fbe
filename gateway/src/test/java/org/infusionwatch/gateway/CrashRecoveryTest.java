package org.infusionwatch.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.infusionwatch.gateway.mqtt.EmbeddedBroker;
import org.infusionwatch.gateway.testing.AlertSubscriber;
import org.infusionwatch.gateway.testing.FreePort;
import org.infusionwatch.gateway.testing.MllpTestClient;
import org.infusionwatch.gateway.testing.Pcd01Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a gateway process in the middle of a load, then a restart on the same data folder:
 * every message that got an AA is in the journal, every alert derivable from the input is in the
 * event log exactly once and reached an MQTT subscriber at least once.
 */
class CrashRecoveryTest {
    private static final int BEDS = 8;
    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");

    @TempDir
    Path work;

    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

    private Process startGateway(int mllpPort, String mqtt, Path dataDir, String log) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "org.infusionwatch.gateway.cli.Main", "run", "--mllp-host", "127.0.0.1",
                "--mllp-port", Integer.toString(mllpPort), "--mqtt", mqtt, "--data-dir", dataDir.toString(),
                "--http-port", "-1")
                .redirectErrorStream(true)
                .redirectOutput(work.resolve(log).toFile())
                .start();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            if (!p.isAlive()) {
                throw new IllegalStateException("gateway exited with " + p.exitValue() + ", see " + log);
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", mllpPort), 200);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        return p;
    }

    /** Sends a bed's script from {@code from}; returns the index of the first message not acknowledged. */
    private int sendUntilFailure(int port, List<String> script, int from) {
        int i = from;
        try (MllpTestClient client = new MllpTestClient(port)) {
            for (; i < script.size(); i++) {
                client.sendFramed(script.get(i));
                String[] msa = MllpTestClient.msa(client.readAck());
                if (!"AA".equals(msa[1])) {
                    throw new AssertionError("refused: " + String.join("|", msa));
                }
                acknowledged.add(msa[2]);
            }
        } catch (IOException connectionLost) {
            return i;
        }
        return i;
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void shouldKeepEveryAcknowledgedMessageAndEveryAlertExactlyOnceAcrossAKill9() throws Exception {
        Path dataDir = work.resolve("data");
        int port = FreePort.pick();
        List<List<String>> scripts = new ArrayList<>();
        for (int b = 1; b <= BEDS; b++) {
            scripts.add(Pcd01Messages.hypoxemicInfusion("BED3" + b, T0.plusSeconds(b * 60L)));
        }
        int total = scripts.stream().mapToInt(List::size).sum();
        ExecutorService devices = Executors.newFixedThreadPool(BEDS);
        try (EmbeddedBroker broker = EmbeddedBroker.start(work.resolve("broker"), FreePort.pick());
             AlertSubscriber alerts = new AlertSubscriber(broker.serverUri(), "icu/+/+/alerts")) {
            Process first = startGateway(port, broker.serverUri(), dataDir, "first.log");
            List<Future<Integer>> progress = new ArrayList<>();
            for (List<String> script : scripts) {
                progress.add(devices.submit(() -> sendUntilFailure(port, script, 0)));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= total / 2);
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            int[] resumeAt = new int[BEDS];
            for (int b = 0; b < BEDS; b++) {
                resumeAt[b] = progress.get(b).get(30, TimeUnit.SECONDS);
            }
            assertThat(acknowledged.size()).isLessThan(total);

            Process second = startGateway(port, broker.serverUri(), dataDir, "second.log");
            try {
                List<Future<Integer>> rest = new ArrayList<>();
                for (int b = 0; b < BEDS; b++) {
                    int bed = b;
                    rest.add(devices.submit(() -> sendUntilFailure(port, scripts.get(bed), resumeAt[bed])));
                }
                for (Future<Integer> f : rest) {
                    assertThat(f.get(120, TimeUnit.SECONDS)).isEqualTo(scripts.get(0).size());
                }
                assertThat(acknowledged).hasSize(total);
                await().atMost(Duration.ofSeconds(60)).until(() -> alerts.received().stream()
                        .map(n -> n.path("bed").asText()).distinct().count() == BEDS);
            } finally {
                second.destroy();
                second.waitFor(30, TimeUnit.SECONDS);
            }
        } finally {
            devices.shutdownNow();
        }
        assertThat(controlIdsInJournal(dataDir)).containsAll(acknowledged);
        assertThat(alertRowsPerBed(dataDir)).hasSize(BEDS).allSatisfy(count -> assertThat(count).isEqualTo(1));
    }

    private static Set<String> controlIdsInJournal(Path dataDir) throws Exception {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("journal.db"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT CAST(payload AS TEXT) FROM inputs WHERE format = 'HL7_MLLP'")) {
            while (rs.next()) {
                String[] msh = rs.getString(1).split("\r", 2)[0].split("\\|", -1);
                ids.add(msh[9]);
            }
        }
        return ids;
    }

    private static List<Integer> alertRowsPerBed(Path dataDir) throws Exception {
        List<Integer> counts = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("eventlog.db"));
             PreparedStatement st = c.prepareStatement("SELECT bed, COUNT(*) FROM events WHERE kind = 'ALERT' AND state = 'RAISED'"
                     + " AND code = 'HYPOXEMIA_WORSENING' GROUP BY bed");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                counts.add(rs.getInt(2));
            }
        }
        return counts;
    }
}
