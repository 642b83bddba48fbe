package org.infusionwatch.agent.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.infusionwatch.agent.engine.EngineInput.BED;
import static org.infusionwatch.agent.engine.EngineInput.at;
import static org.infusionwatch.agent.engine.EngineInput.entry;
import static org.infusionwatch.agent.engine.EngineInput.studyStart;
import static org.infusionwatch.agent.engine.EngineInput.ventMode;

import org.infusionwatch.agent.model.ClinicianEntry;
import org.infusionwatch.agent.model.EventCode;
import org.junit.jupiter.api.Test;

class IntubationRuleTest {
    private static final EventCode EVENT = EventCode.INTUBATION_AFTER_HIGH_FLOW;
    private static final String HIGH_FLOW = "vent-mode-high-flow-o2";
    private static final String INVASIVE = "vent-mode-simv";

    /** The ventilator reports its mode every minute: {@code mode} until {@code change}, then {@code after}. */
    private static EngineHarness modes(String profile, String before, double change, String after, double until) {
        EngineHarness h = new EngineHarness(profile);
        for (int m = -60; m <= until; m++) {
            h.report(ventMode(BED, m, m >= change ? after : before));
            if (m == 0) {
                h.report(studyStart(BED, 0));
            }
        }
        return h;
    }

    @Test
    void shouldFlagAnInvasiveModeAfterHighFlowHeldFiveMinutes() {
        EngineHarness h = modes("STROMA", HIGH_FLOW, 180, INVASIVE, 184);
        assertThat(h.alerts(EVENT)).isEmpty();

        h.report(ventMode(BED, 185, INVASIVE));

        assertThat(h.alerts(EVENT)).singleElement().satisfies(a -> {
            assertThat(a.onsetMs()).isEqualTo(at(180));
            assertThat(a.raisedMs()).isEqualTo(at(185));
            assertThat(a.evidence()).containsEntry("modeAtOnset", "high flow").containsEntry("modeNow", INVASIVE)
                    .containsEntry("source", "ventilator mode");
        });
    }

    @Test
    void shouldFlagIntubationFromNonInvasiveVentilationUnderLanzoni() {
        EngineHarness h = modes("LANZONI", "vent-mode-niv", 60, "VENT-MODE-INSP-ASSIST", 70);
        assertThat(h.alerts(EVENT)).singleElement().satisfies(a -> assertThat(a.onsetMs()).isEqualTo(at(60)));
    }

    @Test
    void shouldNotFlagAnInvasiveModeSetForTwoMinutes() {
        EngineHarness h = new EngineHarness("STROMA");
        for (int m = -60; m <= 300; m++) {
            h.report(ventMode(BED, m, m >= 100 && m < 102 ? INVASIVE : HIGH_FLOW));
            if (m == 0) {
                h.report(studyStart(BED, 0));
            }
        }
        assertThat(h.alerts(EVENT)).isEmpty();
    }

    @Test
    void shouldNotFlagUnderStartWhichDoesNotDefineTheEvent() {
        EngineHarness h = modes("START", HIGH_FLOW, 180, INVASIVE, 200);
        assertThat(h.alerts(EVENT)).isEmpty();
    }

    @Test
    void shouldNotFlagAModeChangeOfAPatientAlreadyIntubatedAtOnset() {
        EngineHarness h = modes("STROMA", "vent-mode-insp-assist", 90, INVASIVE, 120);
        h.entry(entry(BED, 100, ClinicianEntry.Type.INTUBATION, "re-intubation"));
        assertThat(h.alerts(EVENT)).isEmpty();
    }

    @Test
    void shouldFlagAChartedIntubationWhenNoDeviceReportsTheMode() {
        EngineHarness h = new EngineHarness("STROMA");
        h.report(studyStart(BED, 0));
        h.entry(entry(BED, 200, ClinicianEntry.Type.INTUBATION, "worsening on high flow"));
        assertThat(h.alerts(EVENT)).singleElement().satisfies(a -> {
            assertThat(a.onsetMs()).isEqualTo(at(200));
            assertThat(a.evidence()).containsEntry("source", "clinician entry").containsEntry("by", "nurse-17")
                    .containsEntry("modeAtOnset", "unknown");
        });
    }

    @Test
    void shouldNotReadThePeepOfANewTubeAsHypoxemiaWorsening() {
        EngineHarness h = new EngineHarness("LANZONI");
        for (int m = -60; m <= 240; m++) {
            boolean tube = m >= 180;
            h.report(ventMode(BED, m, tube ? INVASIVE : HIGH_FLOW));
            h.report(EngineInput.ventilator(BED, m, 60, tube ? 8 : 0));
            if (m == 0) {
                h.report(studyStart(BED, 0));
            }
        }
        assertThat(h.alerts()).extracting(a -> a.event()).containsExactly(EVENT);
    }

    @Test
    void shouldNotFlagAnIntubationAfterTheWindow() {
        EngineHarness h = modes("STROMA", HIGH_FLOW, 365, INVASIVE, 400);
        assertThat(h.alerts(EVENT)).isEmpty();
    }
}
