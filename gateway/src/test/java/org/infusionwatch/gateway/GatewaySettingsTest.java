package org.infusionwatch.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.infusionwatch.agent.engine.EngineConfig;
import org.infusionwatch.agent.model.BedRef;
import org.infusionwatch.agent.protocol.ProtocolProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config file's trial and ward settings, as the engine and a later replay receive them. */
class GatewaySettingsTest {
    private static final BedRef BED01 = new BedRef("ICU-A", "BED01");
    private static final BedRef BED02 = new BedRef("ICU-A", "BED02");

    @TempDir
    Path dir;

    @Test
    void shouldGiveTheEngineThePatientWeightsOfTheConfigFile() throws Exception {
        Path config = dir.resolve("gateway.json");
        Files.writeString(config, """
                {"enrolment": {"ICU-A/BED01": "STROMA-0001"}, "weightsKg": {"ICU-A/BED01": 72.5}}
                """);

        EngineConfig engine = new GatewaySettings().load(config).engineConfig(ProtocolProfile.builtIn("START"));

        assertThat(engine.weightKgOf(BED01)).isEqualTo(72.5);
        assertThat(engine.weightKgOf(BED02)).as("never guessed").isNaN();
        assertThat(engine.enrolment().pseudonymOf(BED01)).isEqualTo("STROMA-0001");
    }

    @Test
    void shouldKeepTheWeightsInTheSnapshotThatAJournalReplayReads() {
        GatewaySettings live = new GatewaySettings().dataDir(dir).weightKg(BED02, 95);
        live.writeSnapshot();

        GatewaySettings replay = new GatewaySettings().load(dir.resolve(GatewaySettings.SNAPSHOT_FILE));

        assertThat(replay.engineConfig(ProtocolProfile.builtIn("STROMA")).weightKgOf(BED02)).isEqualTo(95.0);
    }

    @Test
    void shouldRefuseAWeightThatIsNotAPositiveNumberOfKilogramsNamingTheBed() throws Exception {
        Path config = dir.resolve("gateway.json");
        Files.writeString(config, """
                {"weightsKg": {"ICU-A/BED01": 0}}
                """);

        assertThatThrownBy(() -> new GatewaySettings().load(config))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ICU-A/BED01");
    }

    @Test
    void shouldReadTheAlertManagersAddressAndRefuseOneWithoutAPort() throws Exception {
        Path config = dir.resolve("gateway.json");
        Files.writeString(config, """
                {"alertManager": "am.hospital.example:2575"}
                """);
        assertThat(new GatewaySettings().alertManager()).as("none unless asked for").isNull();
        GatewaySettings settings = new GatewaySettings().load(config);
        assertThat(settings.alertManagerHost()).isEqualTo("am.hospital.example");
        assertThat(settings.alertManagerPort()).isEqualTo(2575);
        assertThat(new GatewaySettings().alertManager("[::1]:2575").alertManagerHost()).isEqualTo("::1");

        for (String bad : new String[] {"am.hospital.example", "am:0", "am:port", ":2575", "am:70000"}) {
            assertThatThrownBy(() -> new GatewaySettings().alertManager(bad))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host:port");
        }
    }

    @Test
    void shouldLoadTheExampleConfigurationShippedWithTheProject() {
        GatewaySettings settings = new GatewaySettings().load(Path.of("../config/gateway.example.json"));
        assertThat(settings.alertManagerHost()).isEqualTo("alert-manager.hospital.example");
        assertThat(settings.eui64()).isEqualTo("0A6F3C91D2E47B05");
    }

    @Test
    void shouldReadTheGatewaysEui64AndRefuseOneThatIsNot() throws Exception {
        Path config = dir.resolve("gateway.json");
        Files.writeString(config, """
                {"eui64": "0a00f00d12345678"}
                """);
        assertThat(new GatewaySettings().eui64()).as("made and kept in the data folder unless given").isNull();
        assertThat(new GatewaySettings().load(config).eui64()).isEqualTo("0A00F00D12345678");
        for (String bad : new String[] {"0A00F00D1234567", "0A:00:F0:0D:12:34:56:78", "0A00F00D1234567G"}) {
            assertThatThrownBy(() -> new GatewaySettings().eui64(bad))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EUI-64");
        }
    }

    @Test
    void shouldReadTheAlertPathsRealTimePriorityAndRefuseOneLinuxDoesNotHave() throws Exception {
        Path config = dir.resolve("gateway.json");
        Files.writeString(config, """
                {"realtimePriority": 2}
                """);
        assertThat(new GatewaySettings().realtimePriority()).as("off unless asked for").isZero();
        assertThat(new GatewaySettings().load(config).realtimePriority()).isEqualTo(2);

        Files.writeString(config, """
                {"realtimePriority": 100}
                """);
        assertThatThrownBy(() -> new GatewaySettings().load(config))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("realtimePriority 100");
    }

    @Test
    void shouldReadHowManyAlertsTheWarmUpRaisesAndRefuseANegativeCount() throws Exception {
        Path config = dir.resolve("gateway.json");
        Files.writeString(config, """
                {"warmupAlerts": 0}
                """);
        assertThat(new GatewaySettings().warmupAlerts()).as("none unless asked for (run and demo ask)").isZero();
        assertThat(new GatewaySettings().warmupAlertsGiven()).isFalse();
        GatewaySettings loaded = new GatewaySettings().load(config);
        assertThat(loaded.warmupAlerts()).isZero();
        assertThat(loaded.warmupAlertsGiven()).as("a 0 in the file is a choice, not a default").isTrue();

        Files.writeString(config, """
                {"warmupAlerts": -1}
                """);
        assertThatThrownBy(() -> new GatewaySettings().load(config))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("warmupAlerts -1");
    }

    @Test
    void shouldReadTheGapBetweenJournalCommitsAndRefuseOneOutOfRange() throws Exception {
        Path config = dir.resolve("gateway.json");
        assertThat(new GatewaySettings().journalCommitGapMicros()).as("2 ms unless told").isEqualTo(2_000);
        Files.writeString(config, """
                {"journalCommitGapMicros": 0}
                """);
        assertThat(new GatewaySettings().load(config).journalCommitGapMicros()).isZero();

        Files.writeString(config, """
                {"journalCommitGapMicros": -5}
                """);
        assertThatThrownBy(() -> new GatewaySettings().load(config))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("journalCommitGapMicros -5");
    }

    @Test
    void shouldLeaveBackgroundThreadsOrdinaryUnlessTheFileAsksForIdle() throws Exception {
        Path config = dir.resolve("gateway.json");
        assertThat(new GatewaySettings().backgroundIdle()).isFalse();
        Files.writeString(config, """
                {"backgroundIdle": true}
                """);
        assertThat(new GatewaySettings().load(config).backgroundIdle()).isTrue();
    }

    @Test
    void shouldReadTheBackgroundNiceValueAndRefuseOneLinuxDoesNotHave() throws Exception {
        Path config = dir.resolve("gateway.json");
        assertThat(new GatewaySettings().backgroundNice()).isZero();
        Files.writeString(config, """
                {"backgroundNice": 10}
                """);
        assertThat(new GatewaySettings().load(config).backgroundNice()).isEqualTo(10);
        Files.writeString(config, """
                {"backgroundNice": 20}
                """);
        assertThatThrownBy(() -> new GatewaySettings().load(config))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backgroundNice 20");
    }

    @Test
    void shouldReadTheAlertPathNiceValueAndRefuseAPositiveOne() throws Exception {
        Path config = dir.resolve("gateway.json");
        assertThat(new GatewaySettings().alertPathNice()).isZero();
        Files.writeString(config, """
                {"alertPathNice": -10}
                """);
        assertThat(new GatewaySettings().load(config).alertPathNice()).isEqualTo(-10);
        Files.writeString(config, """
                {"alertPathNice": 5}
                """);
        assertThatThrownBy(() -> new GatewaySettings().load(config))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alertPathNice 5");
        assertThatThrownBy(() -> new GatewaySettings().alertPathNice(-21)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldLetEdgeThreadsRunTheEngineOnlyWhenTheConfigSaysSo() throws Exception {
        Path config = dir.resolve("gateway.json");
        assertThat(new GatewaySettings().engineOnEdgeThreads()).isFalse();
        Files.writeString(config, """
                {"engineOnEdgeThreads": true}
                """);
        assertThat(new GatewaySettings().load(config).engineOnEdgeThreads()).isTrue();
    }
}
