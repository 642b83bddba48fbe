package org.infusionwatch.sims.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class ScenarioLibraryTest {

    private static final Set<String> CODES = Set.of("VASOPRESSOR_ESCALATION", "HYPOXEMIA_WORSENING",
            "INTUBATION_AFTER_HIGH_FLOW", "LETHAL_ARRHYTHMIA", "ARRHYTHMIA_CARDIOVERSION", "TRANSFUSION_REACTION",
            "CARDIAC_ARREST", "DEATH", "SIGNAL_LOSS", "EARLY_WARNING_DESATURATION", "EARLY_WARNING_HYPOTENSION",
            "EARLY_WARNING_HEART_RATE");
    private static final Set<String> PROFILES = Set.of("STROMA", "START", "LANZONI");

    private final List<Scenario> all = Scenarios.all();

    @Test
    void shouldHoldAtLeastFortyLabelledScenariosWithUniqueNames() {
        assertThat(all).hasSizeGreaterThanOrEqualTo(40);
        assertThat(all.stream().map(Scenario::name).distinct().count()).isEqualTo(all.size());
        assertThat(all).allSatisfy(s -> assertThat(s.description()).as(s.name()).isNotBlank());
    }

    @Test
    void shouldExpectOnlyKnownEventCodesAndProfilesInsideTheWatchedTime() {
        assertThat(all).flatExtracting(Scenario::expectedEvents).allSatisfy(e -> {
            assertThat(CODES).contains(e.code());
            assertThat(PROFILES).containsAll(e.profiles());
        });
        assertThat(all).allSatisfy(s -> assertThat(s.observeUntilMs()).as(s.name())
                .isGreaterThanOrEqualTo(s.lengthMs()).isGreaterThanOrEqualTo(s.onsetOffsetMs() + 6 * 3_600_000L));
    }

    @Test
    void shouldCoverEveryEventNearMissesArtefactsAndWindows() {
        Set<String> expected = all.stream().flatMap(s -> s.expectedEvents().stream()).map(ExpectedEvent::code)
                .collect(Collectors.toSet());
        assertThat(expected).isEqualTo(CODES);
        List<String> names = Scenarios.names();
        assertThat(names.stream().filter(n -> n.startsWith("near-miss")).count()).isGreaterThanOrEqualTo(8);
        assertThat(names).contains("several-infusions-d1-d3-d5", "pause-and-resume", "late-onset-message",
                "device-silence", "spo2-probe-off-storm", "arterial-line-artefacts", "ecg-artefact-storm",
                "duplicate-and-out-of-order", "hypoxemia-before-onset", "hypoxemia-after-window");
        assertThat(all.stream().filter(s -> s.expectedEvents().isEmpty()).count())
                .as("scenarios that must raise nothing").isGreaterThanOrEqualTo(20);
    }

    @Test
    void shouldLabelEventsThatOnlySomeProfilesDefine() {
        assertThat(Scenarios.named("hypoxemia-fio2-only").expectedEvents()).singleElement()
                .satisfies(e -> assertThat(e.appliesTo("LANZONI")).isTrue())
                .satisfies(e -> assertThat(e.appliesTo("START")).isFalse());
        assertThat(Scenarios.named("intubation-after-high-flow").expectedEvents()).singleElement()
                .satisfies(e -> assertThat(e.profiles()).containsExactlyInAnyOrder("STROMA", "LANZONI"));
    }

    @Test
    void shouldPlayEveryScenarioWithoutError() {
        for (Scenario s : all) {
            BedSimulation bed = new BedSimulation("BED01", s, 0, 60_000, 1);
            RecordingOutput out = new RecordingOutput();
            bed.advanceTo(Math.min(s.observeUntilMs(), 12 * 3_600_000L), out);
            assertThat(out.samples).as(s.name()).isNotEmpty();
        }
    }
}
