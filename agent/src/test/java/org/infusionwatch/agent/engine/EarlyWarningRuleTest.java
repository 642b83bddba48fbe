package org.infusionwatch.agent.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.infusionwatch.agent.engine.EngineInput.BED;
import static org.infusionwatch.agent.engine.EngineInput.alarm;
import static org.infusionwatch.agent.engine.EngineInput.at;
import static org.infusionwatch.agent.engine.EngineInput.monitor;
import static org.infusionwatch.agent.engine.EngineInput.monitorWith;
import static org.infusionwatch.agent.engine.EngineInput.studyStart;

import java.util.function.DoubleFunction;
import org.infusionwatch.agent.model.DeviceReport;
import org.infusionwatch.agent.model.EventCode;
import org.junit.jupiter.api.Test;

class EarlyWarningRuleTest {

    /** Baseline hour with normal vitals every 30 s, onset at 0, then {@code during} from 60 to 90 min, normal after. */
    private static EngineHarness run(DoubleFunction<DeviceReport> during, double until) {
        EngineHarness h = new EngineHarness("STROMA");
        for (double m = -60; m <= until; m += 0.5) {
            h.report(m >= 60 && m < 90 ? during.apply(m) : monitor(BED, m, 94, 90, 75));
            if (m == 0) {
                h.report(studyStart(BED, 0));
            }
        }
        return h;
    }

    @Test
    void shouldWarnOfSpo2Under88ForTwoMinutesWithoutCountingItAsAProtocolEvent() {
        EngineHarness h = run(m -> monitor(BED, m, 84, 90, 75), 120);
        assertThat(h.alerts()).singleElement().satisfies(a -> {
            assertThat(a.event()).isEqualTo(EventCode.EARLY_WARNING_DESATURATION);
            assertThat(a.event().isProtocolEvent()).isFalse();
            assertThat(a.onsetMs()).isEqualTo(at(60));
            assertThat(a.raisedMs()).isEqualTo(at(62));
            assertThat(a.evidence()).containsEntry("lowest", 84.0).containsEntry("baselineMedian", 94.0)
                    .containsEntry("baselineSpo2Percent", 94.0);
        });
    }

    @Test
    void shouldNotWarnOfADesaturationShorterThanTwoMinutes() {
        EngineHarness h = new EngineHarness("STROMA");
        h.report(studyStart(BED, 0));
        for (double m = 0; m <= 120; m += 0.5) {
            h.report(monitor(BED, m, m >= 60 && m < 61.75 ? 84 : 94, 90, 75));
        }
        assertThat(h.alerts()).isEmpty();
    }

    @Test
    void shouldSetAsideSpo2WhileTheProbeIsOffOrPerfusionIsLow() {
        EngineHarness h = new EngineHarness("STROMA");
        h.report(studyStart(BED, 0));
        for (double m = 0; m <= 120; m += 0.5) {
            if (m == 60) {
                h.report(alarm(BED, 59.9, "196916^MDC_EVT_SENSOR_DISCONN^MDC", "150456^MDC_PULS_OXIM_SAT_O2^MDC", "start"));
            }
            if (m == 75) {
                h.report(alarm(BED, 74.9, "196916^MDC_EVT_SENSOR_DISCONN^MDC", "150456", "end"));
            }
            if (m >= 60 && m < 75) {
                h.report(monitor(BED, m, 62, 90, 75)); // probe off
            } else if (m >= 75 && m < 90) {
                h.report(monitorWith(BED, m, 70, 90, 75, new double[] {Signals.PERFUSION_INDEX, 0.1}));
            } else {
                h.report(monitor(BED, m, 94, 90, 75));
            }
        }
        h.entry(EngineInput.entry(BED, 121, org.infusionwatch.agent.model.ClinicianEntry.Type.TRANSFUSION_REACTION, "rash"));
        assertThat(h.alerts()).singleElement().satisfies(a -> assertThat((String) a.evidence().get("artefacts"))
                .contains("SpO2 probe off 30", "SpO2 low perfusion 30"));
    }

    @Test
    void shouldWarnOfMapUnder65ForFiveMinutesButNotOfArterialLineArtefacts() {
        EngineHarness low = run(m -> monitor(BED, m, 94, 90, 58), 120);
        assertThat(low.alerts()).singleElement().satisfies(a -> {
            assertThat(a.event()).isEqualTo(EventCode.EARLY_WARNING_HYPOTENSION);
            assertThat(a.raisedMs()).isEqualTo(at(65));
        });

        EngineHarness zeroing = run(m -> monitor(BED, m, 94, 90, 2), 120);
        EngineHarness flush = run(m -> monitorWith(BED, m, 94, 90, 210, new double[] {Signals.ART_ABP_SYS, 300},
                new double[] {Signals.ART_ABP_DIA, 190}), 120);
        EngineHarness damped = run(m -> monitorWith(BED, m, 94, 90, 55, new double[] {Signals.ART_ABP_SYS, 58},
                new double[] {Signals.ART_ABP_DIA, 53}), 120);
        for (EngineHarness h : new EngineHarness[] {zeroing, flush, damped}) {
            assertThat(h.alerts()).isEmpty();
        }
    }

    @Test
    void shouldWarnOfTachycardiaAndBradycardiaButNotOfLeadOffOrNoise() {
        EngineHarness tachy = run(m -> monitor(BED, m, 94, 145, 75), 120);
        EngineHarness brady = run(m -> monitor(BED, m, 94, 35, 75), 120);
        assertThat(tachy.alerts(EventCode.EARLY_WARNING_HEART_RATE)).singleElement()
                .satisfies(a -> assertThat(a.evidence()).containsEntry("highest", 145.0));
        assertThat(brady.alerts(EventCode.EARLY_WARNING_HEART_RATE)).hasSize(1);

        EngineHarness leadOff = new EngineHarness("STROMA");
        leadOff.report(studyStart(BED, 0));
        for (double m = 0; m <= 130; m += 0.5) {
            if (m == 60) {
                leadOff.report(alarm(BED, 59.9, "196876^MDC_EVT_LEAD_DISCONN^MDC", "147842", "start"));
            } else if (m == 90) {
                leadOff.report(alarm(BED, 90, "196876^MDC_EVT_LEAD_DISCONN^MDC", "147842", "end"));
            } else if (m == 100) {
                leadOff.report(alarm(BED, 99.9, "197040^MDC_EVT_ARTIFACT^MDC", "147842", "start"));
            }
            double hr = m >= 60 && m < 90 ? 0 : m >= 100 ? 180 : 90;
            leadOff.report(monitor(BED, m, 94, hr, 75));
        }
        assertThat(leadOff.alerts()).isEmpty();
    }

    @Test
    void shouldCountEveryArtefactSinceOnsetEvenAfterALongStorm() {
        EngineHarness h = new EngineHarness("STROMA");
        h.report(monitor(BED, -2, 30, 90, 75)); // an artefact before onset: not counted
        h.report(studyStart(BED, 0));
        double second = 1 / 60.0;
        for (int i = 1; i <= 1500; i++) { // 25 min of a 1 Hz SpO2 below any physiological value
            h.report(monitor(BED, i * second, 30, 90, 75));
        }
        h.entry(EngineInput.entry(BED, 25.5, org.infusionwatch.agent.model.ClinicianEntry.Type.DEATH, ""));

        assertThat(h.alerts()).singleElement().satisfies(a -> {
            assertThat(a.evidence()).containsEntry("artefactsSinceOnset", 1500L);
            assertThat((String) a.evidence().get("artefacts")).isEqualTo("SpO2 out of range 1500");
        });
    }

    @Test
    void shouldDropDuplicateAndOutOfOrderSamplesAndCountThem() {
        EngineHarness h = new EngineHarness("STROMA");
        h.report(studyStart(BED, 0));
        for (double m = 0; m <= 30; m += 0.5) {
            DeviceReport r = monitor(BED, m, 94, 90, 75);
            h.report(r).report(r); // resent message: same id
        }
        h.report(monitor(BED, 10, 80, 90, 75)); // old sample, new message id
        h.report(monitor(BED, 30, 80, 90, 75)); // same time again
        h.entry(EngineInput.entry(BED, 31, org.infusionwatch.agent.model.ClinicianEntry.Type.DEATH, ""));
        assertThat(h.alerts()).singleElement().satisfies(a -> assertThat((String) a.evidence().get("artefacts"))
                .contains("duplicate message or sample 64", "out-of-order sample 3"));
    }
}
