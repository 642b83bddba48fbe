package org.infusionwatch.sims.model.pump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.infusionwatch.sims.model.DeviceSample;
import org.infusionwatch.sims.model.Mdc;
import org.infusionwatch.sims.model.ObsKind;
import org.infusionwatch.sims.model.Observation;
import org.infusionwatch.sims.model.PumpEvent;
import org.junit.jupiter.api.Test;

class InfusionPumpTest {

    private static final long T = 1_800_000_000_000L;
    private static final String LABEL = "STUDY-PRODUCT KIT-0042";

    private final InfusionPump pump = new InfusionPump("PUMP-BED01", 80);

    @Test
    void shouldReportNothingWhileIdle() {
        assertThat(pump.state()).isEqualTo(PumpState.IDLE);
        assertThat(pump.nextDueMs()).isEqualTo(Long.MAX_VALUE);
        assertThat(pump.tick(T + 86_400_000)).isEmpty();
    }

    @Test
    void shouldEmitDeliveryStartWhenStarted() {
        pump.start(LABEL, 100, T);

        DeviceSample report = pump.tick(T).get(0);

        assertThat(pump.state()).isEqualTo(PumpState.INFUSING);
        assertThat(report.timeMs()).isEqualTo(T);
        assertThat(report.messageId()).isEqualTo("PUMP-BED01-000001");
        PumpEvent event = report.event().orElseThrow();
        assertThat(event.event()).isEqualTo(Mdc.EVT_PUMP_DELIV_START);
        assertThat(event.event().code()).isEqualTo(197288);
        assertThat(event.drugLabel()).isEqualTo(LABEL);
        assertThat(event.rateMlPerHour()).isEqualByComparingTo("100");
        assertThat(event.weightKg()).isEqualByComparingTo("80");
        assertThat(report.observations()).extracting(o -> o.term().code()).containsExactly(184514, 157784, 68063);
        assertThat(report.observations()).extracting(Observation::kind).containsOnly(ObsKind.ATTRIBUTE);
    }

    @Test
    void shouldEmitDeliveryCompleteWhenCompleted() {
        pump.start(LABEL, 100, T);
        pump.tick(T);

        pump.complete(T + 3_600_000);

        assertThat(pump.tick(T + 3_599_999)).isEmpty();
        DeviceSample report = pump.tick(T + 3_600_000).get(0);
        assertThat(pump.state()).isEqualTo(PumpState.COMPLETE);
        assertThat(report.event().orElseThrow().event().code()).isEqualTo(197292);
        assertThat(report.sequence()).isEqualTo(2);
    }

    @Test
    void shouldRefuseToStartWhileInfusingOrCompleteWhileIdle() {
        assertThatThrownBy(() -> pump.complete(T)).isInstanceOf(IllegalStateException.class);
        pump.start(LABEL, 100, T);
        assertThatThrownBy(() -> pump.start(LABEL, 100, T)).isInstanceOf(IllegalStateException.class);
    }
}
