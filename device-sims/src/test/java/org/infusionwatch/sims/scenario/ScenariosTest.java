package org.infusionwatch.sims.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ScenariosTest {

    private static final long HOUR = 3_600_000;

    @Test
    void shouldExpectHypoxemiaWorseningTwoHoursAfterOnset() {
        Scenario hypoxemia = Scenarios.named("hypoxemia");

        assertThat(hypoxemia.onsetOffsetMs()).isEqualTo(HOUR);
        assertThat(hypoxemia.expectedEvents()).containsExactly(new ExpectedEvent("HYPOXEMIA_WORSENING", 3 * HOUR));
        assertThat(hypoxemia.steps()).extracting(ScenarioStep::offsetMs).containsExactly(HOUR, 2 * HOUR, 3 * HOUR);
        assertThat(hypoxemia.steps().get(2).action()).isEqualTo(AdjustVentilator.to(0.70, 14));
        assertThat(hypoxemia.lengthMs()).isEqualTo(3 * HOUR);
    }

    @Test
    void shouldKeepTheNearMissJustUnderTheThresholdsAndExpectNothing() {
        Scenario nearMiss = Scenarios.named("near-miss-hypoxemia");
        BedBaseline baseline = nearMiss.baseline();
        AdjustVentilator change = (AdjustVentilator) nearMiss.steps().get(2).action();

        assertThat(change.fio2().getAsDouble() - baseline.vent().fio2()).isLessThan(0.20);
        assertThat(change.peepCmH2O().getAsDouble() - baseline.vent().peepCmH2O()).isLessThan(5);
        assertThat(nearMiss.steps().get(2).offsetMs()).isEqualTo(3 * HOUR);
        assertThat(nearMiss.expectedEvents()).isEmpty();
    }

    @Test
    void shouldExpectNothingWhenStable() {
        Scenario stable = Scenarios.named("stable");

        assertThat(stable.expectedEvents()).isEmpty();
        assertThat(stable.steps()).extracting(s -> (Object) s.action().getClass())
                .containsExactly(StartInfusion.class, CompleteInfusion.class);
    }

    @Test
    void shouldStartFromTheDocumentedBaseline() {
        BedBaseline baseline = Scenarios.hypoxemia().baseline();

        assertThat(baseline.vent().fio2()).isEqualTo(0.40);
        assertThat(baseline.vent().peepCmH2O()).isEqualTo(8);
        assertThat(baseline.vitals().spo2Percent()).isEqualTo(94);
        assertThat(baseline.vitals().heartRatePerMin()).isEqualTo(90);
        assertThat(baseline.vitals().meanArterialMmHg()).isEqualTo(75);
    }

    @Test
    void shouldRotateHypoxemiaNearMissStableHypoxemiaByDefault() {
        assertThat(Scenarios.defaultRotation()).extracting(Scenario::name)
                .containsExactly("hypoxemia", "near-miss-hypoxemia", "stable", "hypoxemia");
        assertThat(Scenarios.defaultFor(5).name()).isEqualTo("near-miss-hypoxemia");
    }

    @Test
    void shouldNameTheKnownScenariosWhenOneIsUnknown() {
        assertThat(Scenarios.names()).startsWith("hypoxemia", "near-miss-hypoxemia", "stable");
        assertThatThrownBy(() -> Scenarios.named("sepsis"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sepsis")
                .hasMessageContaining("near-miss-hypoxemia");
    }

    @Test
    void shouldRefuseStepsRelativeToOnsetBeforeOnsetIsSet() {
        Scenario.Builder builder = Scenario.builder("broken");

        assertThatThrownBy(() -> builder.afterOnset(Duration.ofHours(1), AdjustVentilator.fio2(0.5)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("onsetAt");
    }
}
