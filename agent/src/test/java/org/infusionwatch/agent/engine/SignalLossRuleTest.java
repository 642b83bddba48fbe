package org.infusionwatch.agent.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.infusionwatch.agent.engine.EngineInput.BED;
import static org.infusionwatch.agent.engine.EngineInput.at;
import static org.infusionwatch.agent.engine.EngineInput.monitor;
import static org.infusionwatch.agent.engine.EngineInput.studyStart;

import org.infusionwatch.agent.model.EventCode;
import org.junit.jupiter.api.Test;

class SignalLossRuleTest {
    private static final EventCode EVENT = EventCode.SIGNAL_LOSS;

    /** A monitor reporting every 30 s from -60 min to {@code lastMinute}, onset at 0; ticks every second after. */
    private static EngineHarness monitorUntil(double lastMinute) {
        EngineHarness h = new EngineHarness("STROMA");
        for (double m = -60; m <= lastMinute; m += 0.5) {
            h.report(monitor(BED, m, 94, 90, 75));
            if (m == 0) {
                h.report(studyStart(BED, 0));
            }
        }
        return h;
    }

    @Test
    void shouldFlagAMonitorSilentForMoreThanSixtySecondsInsideTheWindow() {
        EngineHarness h = monitorUntil(120);
        h.ticks(120, 121, 1);
        assertThat(h.alerts(EVENT)).isEmpty();

        h.tick(121 + 1.0 / 60);

        assertThat(h.alerts(EVENT)).singleElement().satisfies(a -> {
            assertThat(a.onsetMs()).isEqualTo(at(120));
            assertThat(a.raisedMs()).isEqualTo(at(121) + 1000);
            assertThat(a.event().isProtocolEvent()).isFalse();
            assertThat(a.evidence()).containsEntry("device", "MON-BED01").containsEntry("silentSeconds", 61L);
        });
    }

    @Test
    void shouldNotFlagAGapOfSixtySecondsOrADeviceThatReportsSlowly() {
        EngineHarness h = new EngineHarness("STROMA");
        for (int m = -60; m <= 300; m += 5) { // every 5 min: its silence says nothing
            h.report(monitor(BED, m, 94, 90, 75));
            if (m == 0) {
                h.report(studyStart(BED, 0));
            }
        }
        h.ticks(300, 320, 1);
        assertThat(h.alerts(EVENT)).isEmpty();

        EngineHarness exact = monitorUntil(60);
        exact.ticks(60, 61, 1);
        exact.report(monitor(BED, 61, 94, 90, 75));
        exact.ticks(61, 61.5, 1);
        assertThat(exact.alerts(EVENT)).isEmpty();
    }

    @Test
    void shouldNotFlagSilenceAfterTheWindow() {
        EngineHarness h = monitorUntil(365);
        h.ticks(365, 380, 1);
        assertThat(h.alerts(EVENT)).isEmpty();
    }
}
