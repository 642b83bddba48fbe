package org.infusionwatch.sims.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.infusionwatch.sims.wire.MllpAck;
import org.infusionwatch.sims.wire.MllpClient;
import org.infusionwatch.sims.wire.MllpClientOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SimulatedAlertManagerTest {
    /** B. Braun's syringe-pump alarm, phase update, muted (a real message; see the shared samples' README). */
    private static final Path SAMPLE = Path.of("../../shared/hl7-samples/pcd04-bbraun-spaceplus-syringe-holder-open-02.hl7");
    private static final String OURS = "MSH|^~\\&|INFUSIONWATCH||||20261127103005.000+0000||ORU^R40^ORU_R40|C7|P|2.6\r"
            + "PID|\rPV1||I|ICU-A^^BED07\r"
            + "OBR|1|C7^INFUSIONWATCH|a-1^INFUSIONWATCH|196616^MDC_EVT_ALARM^MDC|||20261127103005.000+0000"
            + "||||||||||||||||||||||^a-1&INFUSIONWATCH\r"
            + "OBX|1|CWE|196616^MDC_EVT_ALARM^MDC|1.0.0.0.1"
            + "|HYPOXEMIA_WORSENING^Worsening hypoxemia^99IWEVT^^^^^^Worsening hypoxemia: FiO2 0.40 → 0.70|||A~PH~SA|||F\r"
            + "OBX|2|ST|68481^MDC_ATTR_EVENT_PHASE^MDC|1.0.0.0.3|start||||||F\r"
            + "OBX|3|ST|68483^MDC_ATTR_ALARM_INACTIVATION_STATE^MDC|1.0.0.0.5|enabled||||||F\r"
            + "OBX|4|ST|68484^MDC_ATTR_ALARM_PRIORITY^MDC|1.0.0.0.6|PH||||||F\r";

    @Test
    void shouldReadEachAlertAcknowledgeItAndFollowItsScript() throws Exception {
        List<ReceivedAlert> heard = new CopyOnWriteArrayList<>();
        try (SimulatedAlertManager am = SimulatedAlertManager.start("127.0.0.1", 0, heard::add).answerNext("AE");
             MllpClient client = new MllpClient("test", "127.0.0.1", am.port(), MllpClientOptions.DEFAULTS)) {
            client.open();
            MllpAck refused = client.send(OURS).get(10, TimeUnit.SECONDS);
            MllpAck accepted = client.send(OURS.replace("|C7|", "|C8|")).get(10, TimeUnit.SECONDS);

            assertThat(refused.code()).isEqualTo("AE");
            assertThat(refused.controlId()).isEqualTo("C7");
            assertThat(accepted.code()).isEqualTo("AA");
            assertThat(accepted.controlId()).isEqualTo("C8");
            assertThat(heard).hasSize(2).isEqualTo(am.received());
            ReceivedAlert a = heard.get(0);
            assertThat(List.of(a.unit(), a.bed(), a.alertId(), a.event(), a.phase(), a.inactivation(), a.priority()))
                    .containsExactly("ICU-A", "BED07", "a-1", "HYPOXEMIA_WORSENING", "start", "enabled", "PH");
            assertThat(AlertManagerCommand.describe(a))
                    .isEqualTo("ICU-A/BED07 HYPOXEMIA_WORSENING start PH: Worsening hypoxemia: FiO2 0.40 → 0.70");
        }
    }

    @Test
    void shouldReadAnAlertSentAsAPlainValueWithTheEventAsAlternateCode() {
        ReceivedAlert a = ReceivedAlert.read("MSH|^~\\&|X||||20210122052031+0000||ORU^R40^ORU_R40|C9|P|2.6\r"
                + "PV1||I|ICU^^B1\rOBR|1||n-1^X|196616^MDC_EVT_ALARM^MDC\r"
                + "OBX|1||69965^MDC_DEV_MON_PHYSIO_MULTI_PARAM_MDS^MDC|1.0.0.0|||||||X\r"
                + "OBX|2|ST|196616^MDC_EVT_ALARM^MDC^HYPERTENSION^Hypertension^99LOCAL|1.0.0.0.1|Recheck BP|||A~PM~SA|||R\r");
        assertThat(List.of(a.event(), a.text())).containsExactly("HYPERTENSION", "Recheck BP");
    }

    @Test
    void shouldReadARealDevicesPcd04WhenTheSharedSamplesArePresent() throws Exception {
        // The samples live beside the project; CI has them.
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(SAMPLE), "shared samples not present");
        ReceivedAlert a = ReceivedAlert.read(Files.readString(SAMPLE, StandardCharsets.UTF_8));
        assertThat(a.event()).as("the coded alert, not the pump's MDS line").isEqualTo("197218");
        assertThat(a.text()).isEqualTo("MDC_EVT_SYRINGE_BARREL_CAPTURE_FAULT");
        assertThat(a.phase()).isEqualTo("update");
        assertThat(a.inactivation()).isEqualTo("audio-paused");
        assertThat(a.priority()).isEqualTo("PH");
        assertThat(a.alertId()).startsWith("2449_638d1301");
    }
}
