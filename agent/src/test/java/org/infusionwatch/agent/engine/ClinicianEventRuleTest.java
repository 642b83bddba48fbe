package org.infusionwatch.agent.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.infusionwatch.agent.engine.EngineInput.BED;
import static org.infusionwatch.agent.engine.EngineInput.at;
import static org.infusionwatch.agent.engine.EngineInput.entry;
import static org.infusionwatch.agent.engine.EngineInput.monitor;
import static org.infusionwatch.agent.engine.EngineInput.studyStart;

import org.infusionwatch.agent.model.ClinicianEntry;
import org.infusionwatch.agent.model.ClinicianEntry.Type;
import org.infusionwatch.agent.model.EventCode;
import org.junit.jupiter.api.Test;

class ClinicianEventRuleTest {

    private static EngineHarness onset() {
        EngineHarness h = new EngineHarness("STROMA");
        h.report(monitor(BED, -1, 94, 90, 75));
        h.report(studyStart(BED, 0));
        return h;
    }

    @Test
    void shouldFlagACardioversionChartedWithinSixHoursWithTheDeviceContext() {
        EngineHarness h = onset();
        h.report(monitor(BED, 119, 91, 165, 62));
        h.entry(entry(BED, 120, Type.CARDIOVERSION, "synchronised 150 J for AF with rapid response"));

        assertThat(h.alerts(EventCode.ARRHYTHMIA_CARDIOVERSION)).singleElement().satisfies(a -> {
            assertThat(a.onsetMs()).isEqualTo(at(120));
            assertThat(a.evidence()).containsEntry("by", "nurse-17").containsEntry("lastValidHeartRate", 165.0)
                    .containsEntry("minutesAfterOnset", 120L).containsEntry("source", "clinician entry");
            assertThat((String) a.evidence().get("summary")).contains("cardioversion", "120 min", "150 J");
        });
    }

    @Test
    void shouldFlagATransfusionReactionWithinSixHours() {
        EngineHarness h = onset();
        h.entry(entry(BED, 30, Type.TRANSFUSION_REACTION, "urticaria, new bronchospasm"));
        assertThat(h.alerts(EventCode.TRANSFUSION_REACTION)).singleElement()
                .satisfies(a -> assertThat(a.evidence()).containsEntry("note", "urticaria, new bronchospasm"));
    }

    @Test
    void shouldFlagCardiacArrestAndDeathWithinTwentyFourHoursButNotCardioversionAfterSix() {
        EngineHarness h = onset();
        h.entry(entry(BED, 7 * 60, Type.CARDIOVERSION, ""));
        h.entry(entry(BED, 20 * 60, Type.CARDIAC_ARREST, "PEA"));
        h.entry(entry(BED, 23 * 60, Type.DEATH, ""));
        assertThat(h.alerts(EventCode.ARRHYTHMIA_CARDIOVERSION)).isEmpty();
        assertThat(h.alerts(EventCode.CARDIAC_ARREST)).singleElement()
                .satisfies(a -> assertThat(a.onsetMs()).isEqualTo(at(20 * 60)));
        assertThat(h.alerts(EventCode.DEATH)).singleElement().satisfies(a -> assertThat(a.onsetMs()).isEqualTo(at(23 * 60)));
    }

    @Test
    void shouldNotFlagAnArrestAfterTwentyFourHoursOrBeforeOnset() {
        EngineHarness h = new EngineHarness("STROMA");
        h.entry(entry(BED, -10, Type.CARDIAC_ARREST, ""));
        h.report(studyStart(BED, 0));
        h.entry(entry(BED, 25 * 60, Type.CARDIAC_ARREST, ""));
        assertThat(h.alerts(EventCode.CARDIAC_ARREST)).isEmpty();
    }

    @Test
    void shouldApplyARepeatedEntryOnce() {
        EngineHarness h = onset();
        ClinicianEntry e = entry(BED, 30, Type.CARDIAC_ARREST, "");
        h.entry(e).entry(e);
        h.entry(new ClinicianEntry(e.entryId(), BED, Type.DEATH, at(40), "nurse-17", "same id, another type"));
        assertThat(h.alerts()).extracting(a -> a.event()).containsExactly(EventCode.CARDIAC_ARREST);
    }

    @Test
    void shouldShowChartedNotesInTheEvidenceOfLaterAlerts() {
        EngineHarness h = onset();
        h.entry(entry(BED, 10, Type.NOTE, "noradrenaline increase ordered before the infusion"));
        h.entry(entry(BED, 20, Type.TRANSFUSION_REACTION, "rash"));
        assertThat(h.alerts(EventCode.TRANSFUSION_REACTION)).singleElement().satisfies(a -> assertThat(
                (String) a.evidence().get("notes")).contains("nurse-17: noradrenaline increase ordered before the infusion"));
        assertThat(h.alerts()).hasSize(1);
    }
}
