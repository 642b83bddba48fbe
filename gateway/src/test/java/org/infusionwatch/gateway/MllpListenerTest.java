package org.infusionwatch.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.infusionwatch.gateway.testing.MllpTestClient.msa;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.infusionwatch.gateway.testing.DebianTool;
import org.infusionwatch.gateway.testing.FreePort;
import org.infusionwatch.gateway.testing.MllpTestClient;
import org.infusionwatch.gateway.testing.Pcd01Messages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The MLLP listener seen from outside, as devices and an HL7 client nobody here wrote see it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MllpListenerTest {
    @TempDir
    static Path dataDir;
    private static Gateway gateway;

    @BeforeAll
    static void startGateway() {
        gateway = Gateway.start(new GatewaySettings()
                .mllpHost("127.0.0.1")
                .mllpPort(0)
                .embeddedMqttPort(FreePort.pick())
                .dataDir(dataDir), (n, t) -> { });
    }

    @AfterAll
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void shouldAcceptAMessageSentWithPythonHl7MllpSend(@TempDir Path work) throws Exception {
        Path mllpSend = DebianTool.require("mllp_send", "python3-hl7");
        Path file = work.resolve("message.hl7");
        Files.writeString(file, Pcd01Messages.ventilator("PYHL7-0001", "BED07", "40", "8").replace("\r", "\n"));
        Process p = new ProcessBuilder(mllpSend.toString(), "--loose", "-f", file.toString(),
                "-p", Integer.toString(gateway.mllpPort()), "127.0.0.1").redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("MSA|AA|PYHL7-0001");
    }

    @Test
    void shouldRefuseGarbageWithArAndKeepServingTheSameConnection() throws Exception {
        try (MllpTestClient client = new MllpTestClient(gateway.mllpPort())) {
            client.sendFramed("this is not HL7 at all");
            String[] refusal = msa(client.readAck());
            assertThat(refusal[1]).isEqualTo("AR");
            assertThat(refusal[2]).isEmpty();

            client.sendFramed(Pcd01Messages.ventilator("AFTER-GARBAGE-1", "BED08", "40", "8"));
            String[] accepted = msa(client.readAck());
            assertThat(accepted[1]).isEqualTo("AA");
            assertThat(accepted[2]).isEqualTo("AFTER-GARBAGE-1");
        }
        try (MllpTestClient another = new MllpTestClient(gateway.mllpPort())) {
            another.sendFramed(Pcd01Messages.ventilator("NEW-CONNECTION-1", "BED08", "40", "8"));
            assertThat(msa(another.readAck())[1]).isEqualTo("AA");
        }
    }

    @Test
    void shouldSkipBytesBetweenFramesAndAcknowledgeEachMessageInOrder() throws Exception {
        try (MllpTestClient client = new MllpTestClient(gateway.mllpPort())) {
            client.sendRaw("noise before the frame".getBytes(StandardCharsets.US_ASCII));
            client.sendFramed(Pcd01Messages.ventilator("ORDER-1", "BED09", "40", "8"));
            client.sendFramed(Pcd01Messages.ventilator("ORDER-2", "BED09", "45", "8"));
            client.sendFramed(Pcd01Messages.ventilator("ORDER-3", "BED09", "50", "8"));

            assertThat(msa(client.readAck())[2]).isEqualTo("ORDER-1");
            assertThat(msa(client.readAck())[2]).isEqualTo("ORDER-2");
            assertThat(msa(client.readAck())[2]).isEqualTo("ORDER-3");
        }
    }

    @Test
    void shouldAnswerAeForANumericValueThatIsNotANumber() throws Exception {
        try (MllpTestClient client = new MllpTestClient(gateway.mllpPort())) {
            client.sendFramed(Pcd01Messages.ventilator("NOT-A-NUMBER-1", "BED10", "forty", "8"));
            String ack = client.readAck();
            assertThat(msa(ack)[1]).isEqualTo("AE");
            assertThat(msa(ack)[2]).isEqualTo("NOT-A-NUMBER-1");
            assertThat(ack).contains("ERR|");
        }
    }

    @Test
    void shouldAnswerAeWhenNeitherMessageNorDeviceTableNameABed() throws Exception {
        try (MllpTestClient client = new MllpTestClient(gateway.mllpPort())) {
            client.sendFramed(Pcd01Messages.ventilatorWithoutBed("NO-BED-1"));
            String ack = client.readAck();
            assertThat(msa(ack)[1]).isEqualTo("AE");
            assertThat(msa(ack)[2]).isEqualTo("NO-BED-1");
        }
    }

    @Test
    void shouldKeepRefusedMessagesInTheJournalForInspection() throws Exception {
        try (MllpTestClient client = new MllpTestClient(gateway.mllpPort())) {
            client.sendFramed("KEEP-ME garbage payload");
            assertThat(msa(client.readAck())[1]).isEqualTo("AR");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("journal.db"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM inputs WHERE kind = 'REJECTED' AND "
                     + "CAST(payload AS TEXT) = 'KEEP-ME garbage payload' AND reject_reason LIKE 'AR %'")) {
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }
}
