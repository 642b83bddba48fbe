package org.infusionwatch.agent.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.infusionwatch.agent.model.ClinicianEntry;
import org.infusionwatch.agent.model.DeviceReport;
import org.infusionwatch.agent.ports.InputObserver;
import org.infusionwatch.agent.ports.NoticeSink;
import org.junit.jupiter.api.Test;

/**
 * The observer and the output stage under load: each reads what is in the ring at once, then waits
 * out the gap before looking again, on a hand-driven clock whose pauses move it on.
 */
class BackgroundBatchSpacingTest {
    private static final long GAP_NS = 10_000_000;

    private long nowNs = 5_000_000_000L;
    private final List<String> order = new ArrayList<>();

    private BatchSpacing spacing(long gapNs) {
        return new BatchSpacing(gapNs, () -> nowNs, ns -> {
            order.add("pause " + ns / 1_000 + " µs");
            nowNs += ns;
        });
    }

    private final InputObserver observer = new InputObserver() {
        @Override
        public void onReport(DeviceReport report) {
        }

        @Override
        public void onEntry(ClinicianEntry entry) {
        }

        @Override
        public void onTick(long timeMs) {
            order.add("tick " + timeMs);
        }
    };

    private static InboundEvent tick(long timeMs) {
        InboundEvent e = new InboundEvent(1);
        e.set(InputKind.TICK, null, 0, null, AckHandle.NONE);
        e.tickTimeMs = timeMs;
        return e;
    }

    @Test
    void shouldShowALoneInputAtOnceAndThenTakeABatchPerGap() {
        ObserverHandler handler = new ObserverHandler(observer, spacing(GAP_NS));

        handler.onEvent(tick(1), 0, true);
        nowNs += 200_000;
        handler.onEvent(tick(2), 1, true);
        handler.onEvent(tick(3), 2, false);
        handler.onEvent(tick(4), 3, true);
        nowNs += 50_000_000;
        handler.onEvent(tick(5), 4, true);

        assertThat(order).as("after a quiet spell at once; then the rest of the gap, counted from the last batch")
                .containsExactly("tick 1", "tick 2", "pause 9800 µs", "tick 3", "tick 4", "pause 10000 µs", "tick 5");
    }

    @Test
    void shouldWakeForEveryInputWithoutAGap() {
        ObserverHandler handler = new ObserverHandler(observer, spacing(BatchSpacing.NONE));

        for (int i = 0; i < 3; i++) {
            handler.onEvent(tick(i), i, true);
            nowNs += 100_000;
        }

        assertThat(order).containsExactly("tick 0", "tick 1", "tick 2");
    }

    @Test
    void shouldSpaceTheOutputStageEvenWhenInputsCarryNoNotice() {
        NoticeHandler handler = new NoticeHandler(new NoticeOutput(null, null, NoticeSink.NONE), spacing(GAP_NS));

        handler.onEvent(tick(1), 0, true);
        nowNs += 1_000_000;
        handler.onEvent(tick(2), 1, false);
        handler.onEvent(tick(3), 2, true);

        assertThat(order).containsExactly("pause 9000 µs");
    }
}
