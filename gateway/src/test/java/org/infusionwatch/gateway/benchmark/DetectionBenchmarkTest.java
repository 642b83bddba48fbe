package org.infusionwatch.gateway.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.infusionwatch.agent.model.EventCode;
import org.infusionwatch.agent.protocol.ProtocolProfile;
import org.infusionwatch.sims.scenario.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole scenario library through the real HL7 and JSON decoders and the real engine, under
 * each built-in profile: the targets (sensitivity 100 %, no false alert, delay within
 * the hold time + 1 s, event time). Single-threaded, no sockets, no sleeps.
 */
@Timeout(600)
class DetectionBenchmarkTest {

    @ParameterizedTest
    @ValueSource(strings = {"STROMA", "START", "LANZONI"})
    void shouldDetectEveryScriptedEventOnTimeWithoutFalseAlerts(String name) {
        ProtocolProfile profile = ProtocolProfile.builtIn(name);

        DetectionResult result = DetectionBenchmark.run(profile, Scenarios.all());

        System.out.print(result.format());
        assertThat(result.refused).as("messages the gateway refused").isEmpty();
        assertThat(result.scenarios).isGreaterThanOrEqualTo(40);
        assertThat(result.hl7Entries).as("entries charted over HL7").isPositive().isLessThan(result.entries);
        assertThat(result.protocolTotal().misses).as("missed protocol events").isEmpty();
        assertThat(result.otherTotal().misses).as("missed warnings and signal losses").isEmpty();
        assertThat(result.protocolTotal().falses).as("false protocol alerts").isEmpty();
        assertThat(result.otherTotal().falses).as("false warnings and signal losses").isEmpty();
        assertThat(result.protocolTotal().worstDelayMs()).as("worst delay beyond the hold").isLessThanOrEqualTo(1_000);
        assertThat(result.otherTotal().worstDelayMs()).isLessThanOrEqualTo(1_000);
        assertThat(result.meetsTargets()).isTrue();
    }

    @Test
    void shouldGiveEachProfileTheEventsItDefines() {
        List<String> onlySome = List.of("hypoxemia-fio2-only", "vasopressor-epinephrine-per-kg",
                "vasopressor-epinephrine-lanzoni", "intubation-after-high-flow");
        DetectionResult start = DetectionBenchmark.run(ProtocolProfile.builtIn("START"),
                onlySome.stream().map(Scenarios::named).toList());
        DetectionResult lanzoni = DetectionBenchmark.run(ProtocolProfile.builtIn("LANZONI"),
                onlySome.stream().map(Scenarios::named).toList());

        assertThat(start.byEvent.get(EventCode.VASOPRESSOR_ESCALATION).detected).isEqualTo(1);
        assertThat(start.byEvent.get(EventCode.HYPOXEMIA_WORSENING).detected).isZero();
        assertThat(start.byEvent.get(EventCode.INTUBATION_AFTER_HIGH_FLOW).detected).isZero();
        assertThat(lanzoni.byEvent.get(EventCode.VASOPRESSOR_ESCALATION).detected).isEqualTo(1);
        assertThat(lanzoni.byEvent.get(EventCode.HYPOXEMIA_WORSENING).detected).isEqualTo(1);
        assertThat(lanzoni.byEvent.get(EventCode.INTUBATION_AFTER_HIGH_FLOW).detected).isEqualTo(1);
        assertThat(start.meetsTargets()).isTrue();
        assertThat(lanzoni.meetsTargets()).isTrue();
    }
}
