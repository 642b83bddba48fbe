package org.infusionwatch.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.infusionwatch.agent.protocol.ProtocolProfile;
import org.infusionwatch.gateway.testing.CliRun;
import org.infusionwatch.sims.model.ClinicianEntry;
import org.infusionwatch.sims.model.DeviceSample;
import org.infusionwatch.sims.scenario.BedOutput;
import org.infusionwatch.sims.scenario.BedSimulation;
import org.infusionwatch.sims.scenario.ExpectedEvent;
import org.infusionwatch.sims.scenario.Scenario;
import org.infusionwatch.sims.scenario.Scenarios;
import org.infusionwatch.sims.wire.DeviceAddress;
import org.infusionwatch.sims.wire.Hl7DeviceSink;
import org.infusionwatch.sims.wire.Hl7EntryWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The issue's "done when": scripted scenario input from the simulators' library, written by their
 * HL7 writers (PCD-01, PCD-10, PCD-04 and the charting system's entries) into one recorded HL7
 * file, replayed by the real {@code replay} command under {@code --protocol STROMA}, {@code START}
 * and {@code LANZONI} into separate data folders, gives at each bed exactly the events that
 * profile defines, and every row names the profile and the hash of its file.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReplayProfilesTest {
    private static final String UNIT = "ICU-A";
    private static final long START_MS = Instant.parse("2026-11-22T00:00:00Z").toEpochMilli();
    /** Every device reports every 30 s of sim time, as in the detection benchmark. */
    private static final long REPORT_PERIOD_MS = 30_000;
    private static final List<String> SCENARIOS = List.of(
            "hypoxemia-fio2-only",              // FiO2 alone: LANZONI's OR only
            "near-miss-hypoxemia-lanzoni",      // FiO2 exactly +0.20: LANZONI compares with >, START needs PEEP too
            "vasopressor-epinephrine-per-kg",   // 0.1125 ug/kg/min, 9 ug/min: START and STROMA only
            "vasopressor-epinephrine-lanzoni",  // 10.8 ug/min, 0.09 ug/kg/min: LANZONI only
            "intubation-after-high-flow",       // not defined by START
            "lethal-arrhythmia-vt",             // PCD-04 monitor alarm: every profile
            "cardioversion");                   // the charting system's HL7 entry: every profile
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> PROFILES = List.of("STROMA", "START", "LANZONI");

    @TempDir
    static Path work;
    private static Map<String, String> scenarioOfBed;
    private static final Map<String, CliRun> RUNS = new TreeMap<>();

    /** Records the scenarios once and replays the recording once per profile, into its own folder. */
    @BeforeAll
    static void recordTheScenariosAsHl7AndReplayThemUnderEachProfile() throws Exception {
        List<Timed> messages = new ArrayList<>();
        scenarioOfBed = new TreeMap<>();
        for (int i = 0; i < SCENARIOS.size(); i++) {
            String bed = String.format("BED%02d", i + 1);
            Scenario scenario = Scenarios.named(SCENARIOS.get(i));
            scenarioOfBed.put(bed, scenario.name());
            new BedSimulation(bed, scenario, START_MS, REPORT_PERIOD_MS, i + 1)
                    .advanceTo(START_MS + scenario.observeUntilMs(), new Hl7Recorder(bed, i + 1, messages));
        }
        // As a gateway would have received them: all beds interleaved in time.
        messages.sort(Comparator.comparingLong(Timed::timeMs));
        StringBuilder file = new StringBuilder();
        for (Timed m : messages) {
            file.append(m.text()).append('\n');
        }
        Path recording = work.resolve("recording.hl7");
        Files.writeString(recording, file, StandardCharsets.UTF_8);
        for (String profile : PROFILES) {
            RUNS.put(profile, CliRun.of("replay", "--input", recording.toString(), "--protocol", profile,
                    "--data-dir", dataDir(profile).toString()));
        }
    }

    private static Path dataDir(String profile) {
        return work.resolve("replay-" + profile);
    }

    @Test
    void shouldGiveUnderEachProfileExactlyTheEventsThatProfileDefines() throws Exception {
        for (String profile : PROFILES) {
            CliRun run = RUNS.get(profile);
            System.out.print(run.out());

            assertThat(run.exitCode()).as(run.out()).isZero();
            assertThat(run.out()).contains("under " + profile + " (sha256 "
                    + ProtocolProfile.builtIn(profile).contentHash().substring(0, 12) + ")");
            assertThat(raisedByBed(dataDir(profile))).as("events under %s", profile).isEqualTo(expectedByBed(profile));
        }
    }

    @Test
    void shouldShowTheProfilesDifferencesTheIssueNames() throws Exception {
        Map<String, Map<String, Set<String>>> byProfile = new TreeMap<>();
        for (String profile : PROFILES) {
            byProfile.put(profile, raisedByScenario(dataDir(profile)));
        }

        assertThat(byProfile).allSatisfy((profile, events) -> assertThat(events.get("cardioversion"))
                .as(profile).containsExactly("ARRHYTHMIA_CARDIOVERSION"));
        assertThat(byProfile.get("LANZONI").get("hypoxemia-fio2-only")).containsExactly("HYPOXEMIA_WORSENING");
        assertThat(byProfile.get("START").get("hypoxemia-fio2-only")).isEmpty();
        assertThat(byProfile.get("STROMA").get("hypoxemia-fio2-only")).isEmpty();
        assertThat(byProfile.get("START").get("vasopressor-epinephrine-per-kg")).containsExactly("VASOPRESSOR_ESCALATION");
        assertThat(byProfile.get("LANZONI").get("vasopressor-epinephrine-per-kg")).isEmpty();
        assertThat(byProfile.get("LANZONI").get("vasopressor-epinephrine-lanzoni")).containsExactly("VASOPRESSOR_ESCALATION");
        assertThat(byProfile.get("STROMA").get("vasopressor-epinephrine-lanzoni")).isEmpty();
        assertThat(byProfile.get("START").get("intubation-after-high-flow")).isEmpty();
        assertThat(byProfile.get("STROMA").get("intubation-after-high-flow")).containsExactly("INTUBATION_AFTER_HIGH_FLOW");
    }

    @Test
    void shouldNameTheProfileAndTheHashOfItsFileOnEveryRow() throws Exception {
        for (String profile : PROFILES) {
            List<JsonNode> payloads = payloads(dataDir(profile));

            assertThat(payloads).as("rows under %s", profile).hasSizeGreaterThan(SCENARIOS.size() * 2)
                    .allSatisfy(p -> {
                        assertThat(p.path("protocol").asText()).isEqualTo(profile);
                        assertThat(p.path("protocolHash").asText())
                                .isEqualTo(ProtocolProfile.builtIn(profile).contentHash());
                    });
        }
    }

    /** The profile-defined events the scripts label, per bed. */
    private static Map<String, Set<String>> expectedByBed(String profile) {
        Map<String, Set<String>> out = new TreeMap<>();
        scenarioOfBed.forEach((bed, name) -> out.put(bed, Scenarios.named(name).expectedEvents().stream()
                .filter(e -> e.appliesTo(profile)).map(ExpectedEvent::code)
                .collect(Collectors.toCollection(TreeSet::new))));
        return out;
    }

    private static Map<String, Set<String>> raisedByScenario(Path dataDir) throws Exception {
        Map<String, Set<String>> out = new TreeMap<>();
        raisedByBed(dataDir).forEach((bed, codes) -> out.put(scenarioOfBed.get(bed), codes));
        return out;
    }

    /** Raised alerts in the replay's event log, per bed (every bed present, maybe with none). */
    private static Map<String, Set<String>> raisedByBed(Path dataDir) throws Exception {
        Map<String, Set<String>> out = new TreeMap<>();
        scenarioOfBed.keySet().forEach(bed -> out.put(bed, new TreeSet<>()));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("eventlog.db"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT bed, code FROM events WHERE kind = 'ALERT' AND state = 'RAISED'")) {
            while (rs.next()) {
                out.get(rs.getString(1)).add(rs.getString(2));
            }
        }
        return out;
    }

    private static List<JsonNode> payloads(Path dataDir) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("eventlog.db"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT payload FROM events ORDER BY seq")) {
            while (rs.next()) {
                out.add(JSON.readTree(rs.getString(1)));
            }
        }
        return out;
    }

    private record Timed(long timeMs, String text) {
    }

    /** Writes a bed's device reports and clinician entries as the simulators put them on MLLP. */
    private record Hl7Recorder(String bed, int bedNumber, List<Timed> out) implements BedOutput {
        private static final Hl7EntryWriter CHARTING = new Hl7EntryWriter();

        @Override
        public void onStep(long simTimeMs, String description) {
            // What the script did; only the messages are recorded.
        }

        @Override
        public void onSample(DeviceSample sample) {
            out.add(new Timed(sample.timeMs(),
                    Hl7DeviceSink.write(DeviceAddress.of(UNIT, bed, bedNumber, sample.kind()), sample)));
        }

        @Override
        public void onEntry(ClinicianEntry entry) {
            out.add(new Timed(entry.timeMs(), CHARTING.write(UNIT, bed, entry)));
        }
    }
}
