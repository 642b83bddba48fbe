package org.infusionwatch.agent.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.infusionwatch.agent.engine.EngineInput.BED;
import static org.infusionwatch.agent.engine.EngineInput.alarm;
import static org.infusionwatch.agent.engine.EngineInput.at;
import static org.infusionwatch.agent.engine.EngineInput.entry;
import static org.infusionwatch.agent.engine.EngineInput.studyComplete;
import static org.infusionwatch.agent.engine.EngineInput.studyStart;
import static org.infusionwatch.agent.engine.EngineInput.vasopressor;
import static org.infusionwatch.agent.engine.EngineInput.ventilator;

import org.infusionwatch.agent.model.ClinicianEntry.Type;
import org.infusionwatch.agent.model.EventCode;
import org.infusionwatch.agent.model.InfusionNotice;
import org.infusionwatch.agent.model.PumpEvent;
import org.infusionwatch.agent.protocol.ProtocolProfile;
import org.junit.jupiter.api.Test;

class InfusionWindowsTest {
    private static final double DAY = 24 * 60;
    private static final String VT = "199832^MDC_EVT_ECG_V_TACHY^MDC";

    @Test
    void shouldGiveEachOfThreeInfusionsItsOwnWindowAndBaseline() {
        EngineHarness h = new EngineHarness("STROMA");
        for (double d : new double[] {0, 2 * DAY, 4 * DAY}) {
            h.report(studyStart(BED, d));
            h.report(studyComplete(BED, d + 60));
            if (d == 2 * DAY) {
                h.report(alarm(BED, d + 30, VT, "147842", "start"));
                h.report(alarm(BED, d + 31, VT, "147842", "end"));
            }
        }
        h.entry(entry(BED, 4 * DAY + 100, Type.CARDIOVERSION, ""));

        assertThat(h.out).filteredOn(n -> n instanceof InfusionNotice i && i.kind() == InfusionNotice.Kind.OPENED)
                .extracting(n -> ((InfusionNotice) n).infusionId())
                .containsExactly("ICU-A/BED01/1", "ICU-A/BED01/2", "ICU-A/BED01/3");
        assertThat(h.alerts()).extracting(a -> a.event() + " " + a.infusionId()).containsExactly(
                "LETHAL_ARRHYTHMIA ICU-A/BED01/2", "ARRHYTHMIA_CARDIOVERSION ICU-A/BED01/3");
    }

    @Test
    void shouldNameTheProfileAndTheHashOfItsFileOnEveryInfusionNotice() {
        EngineHarness h = new EngineHarness("LANZONI");
        h.report(studyStart(BED, 0));
        h.report(studyComplete(BED, 60));
        h.tick(6 * 60);

        assertThat(h.out).filteredOn(InfusionNotice.class::isInstance).hasSize(3).allSatisfy(n -> {
            InfusionNotice notice = (InfusionNotice) n;
            assertThat(notice.protocolName()).isEqualTo("LANZONI");
            assertThat(notice.protocolHash()).isEqualTo(ProtocolProfile.builtIn("LANZONI").contentHash());
        });
    }

    @Test
    void shouldKeepTheBaselineHourForAnAlertHoursLaterWhenTheMonitorReportsEverySecond() {
        EngineHarness h = new EngineHarness("STROMA");
        double second = 1 / 60.0;
        // An SpO2 of 96 % before onset and 92 % after: four hours of 1 Hz samples after onset are
        // more than the sample ring holds, so the hour before onset is long gone from it.
        for (double m = -60; m < 4 * 60 + 20; m += second) {
            h.report(EngineInput.monitor(BED, m, m <= 0 ? 96 : 92, 80, 75));
            if (Math.abs(m - Math.rint(m)) < second / 2) {
                boolean raised = m >= 4 * 60;
                h.report(ventilator(BED, Math.rint(m), raised ? 70 : 40, raised ? 14 : 8));
            }
            if (Math.abs(m) < second / 2) {
                h.report(studyStart(BED, 0));
            }
        }

        assertThat(h.alerts(EventCode.HYPOXEMIA_WORSENING)).singleElement().satisfies(a -> assertThat(a.evidence())
                .containsEntry("baselineSpo2Percent", 96.0).containsEntry("baselineHeartRate", 80.0)
                .containsEntry("baselineMapMmHg", 75.0));
    }

    @Test
    void shouldKeepTheWindowFromTheFirstStartAcrossAPauseAndResume() {
        EngineHarness h = new EngineHarness("STROMA");
        h.report(studyStart(BED, 0));
        h.report(studyComplete(BED, 20));
        h.report(studyStart(BED, 40));
        h.entry(entry(BED, 350, Type.TRANSFUSION_REACTION, "urticaria"));
        h.entry(entry(BED, 370, Type.CARDIOVERSION, "after the window of the first start"));

        assertThat(h.out).filteredOn(InfusionNotice.class::isInstance).extracting(n -> ((InfusionNotice) n).kind())
                .startsWith(InfusionNotice.Kind.OPENED, InfusionNotice.Kind.COMPLETED, InfusionNotice.Kind.RESUMED);
        assertThat(h.alerts()).singleElement().satisfies(a -> {
            assertThat(a.event()).isEqualTo(EventCode.TRANSFUSION_REACTION);
            assertThat(a.infusionId()).isEqualTo("ICU-A/BED01/1");
        });
    }

    @Test
    void shouldOpenNoWindowForAVasopressorPumpAndNotCloseTheStudyInfusionWithIt() {
        EngineHarness h = new EngineHarness("STROMA");
        h.report(EngineInput.pump(BED, -10, PumpEvent.MDC_EVT_PUMP_DELIV_START, "Noradrenaline 8 mg/50 mL"));
        assertThat(h.out).isEmpty();
        h.entry(entry(BED, 0, Type.INFUSION_START, "manual onset"));
        h.report(EngineInput.pump(BED, 10, PumpEvent.MDC_EVT_PUMP_DELIV_COMP, "Noradrenaline 8 mg/50 mL"));
        assertThat(h.out).filteredOn(InfusionNotice.class::isInstance).extracting(n -> ((InfusionNotice) n).kind())
                .containsExactly(InfusionNotice.Kind.OPENED);
    }

    @Test
    void shouldPlaceADeliveryStartThatArrivesLateInEventTimeForEveryRule() {
        EngineHarness h = new EngineHarness("STROMA");
        h.report(vasopressor(BED, -30, "SPUMP-1", "Noradrenaline", 0.16, 1.5));
        for (int m = -60; m <= 40; m++) {
            h.report(ventilator(BED, m, m >= 5 ? 70 : 40, m >= 5 ? 14 : 8));
            if (m == 10) {
                h.report(vasopressor(BED, 10, "SPUMP-1", "Noradrenaline", 0.16, 4.5));
            }
        }
        h.report(alarm(BED, 15, VT, "147842", "start"));
        h.report(alarm(BED, 16, VT, "147842", "end"));
        assertThat(h.alerts()).isEmpty();

        h.report(studyStart(BED, 0)); // the onset message comes 40 min late

        assertThat(h.alerts()).extracting(a -> a.event() + "@" + (a.onsetMs() - at(0)) / 60_000).containsExactlyInAnyOrder(
                "HYPOXEMIA_WORSENING@5", "VASOPRESSOR_ESCALATION@10", "LETHAL_ARRHYTHMIA@15");
    }
}
