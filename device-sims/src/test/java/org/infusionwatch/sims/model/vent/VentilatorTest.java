package org.infusionwatch.sims.model.vent;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;

import org.infusionwatch.sims.model.DeviceSample;
import org.infusionwatch.sims.model.Mdc;
import org.infusionwatch.sims.model.MdcTerm;
import org.infusionwatch.sims.model.ObsKind;
import org.infusionwatch.sims.model.ObsValue;
import org.infusionwatch.sims.model.Observation;
import org.junit.jupiter.api.Test;

class VentilatorTest {

    private static final long T = 1_800_000_000_000L;
    private static final long PERIOD = 60_000;

    private final Ventilator vent = new Ventilator("VENT-BED01", new VentSettings(0.40, 8, "vent-mode-insp-assist"),
            22, T, PERIOD, new SplittableRandom(7));

    @Test
    void shouldReportSettingsAsManualSettingsAndRateAsMeasurement() {
        DeviceSample report = vent.tick(T).get(0);

        assertThat(report.deviceId()).isEqualTo("VENT-BED01");
        assertThat(report.messageId()).isEqualTo("VENT-BED01-000001");
        assertThat(report.timeMs()).isEqualTo(T);
        assertThat(report.observations()).extracting(o -> o.term().refId()).containsExactly(
                "MDC_VENT_CONC_AWAY_O2", "MDC_PRESS_AWAY_END_EXP_POS", "MDC_VENT_MODE", "MDC_VENT_RESP_RATE");
        assertThat(report.observations()).extracting(Observation::kind).containsExactly(
                ObsKind.SETTING, ObsKind.SETTING, ObsKind.SETTING, ObsKind.MEASUREMENT);
        assertThat(numeric(report, Mdc.VENT_FIO2)).isEqualByComparingTo("40");
        assertThat(numeric(report, Mdc.VENT_PEEP)).isEqualByComparingTo("8");
        assertThat(report.find(Mdc.VENT_MODE).orElseThrow().value())
                .isEqualTo(new ObsValue.Coded("", "vent-mode-insp-assist"));
        assertThat(numeric(report, Mdc.VENT_RESP_RATE).intValue()).isBetween(21, 23);
    }

    @Test
    void shouldReportOncePerPeriodOfSimTime() {
        assertThat(vent.tick(T)).hasSize(1);
        assertThat(vent.tick(T + PERIOD - 1)).isEmpty();
        assertThat(vent.tick(T + PERIOD)).extracting(DeviceSample::timeMs).containsExactly(T + PERIOD);
        assertThat(vent.nextDueMs()).isEqualTo(T + 2 * PERIOD);
    }

    @Test
    void shouldCatchUpMissedReportsEachWithItsDueTime() {
        List<DeviceSample> reports = vent.tick(T + 3 * PERIOD);

        assertThat(reports).extracting(DeviceSample::timeMs).containsExactly(T, T + PERIOD, T + 2 * PERIOD, T + 3 * PERIOD);
        assertThat(reports).extracting(DeviceSample::sequence).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void shouldReportNewSettingsFromTheNextReportOn() {
        vent.tick(T);

        vent.apply(vent.settings().withFio2(0.70).withPeep(14));

        DeviceSample next = vent.tick(T + PERIOD).get(0);
        assertThat(numeric(next, Mdc.VENT_FIO2)).isEqualByComparingTo("70");
        assertThat(numeric(next, Mdc.VENT_PEEP)).isEqualByComparingTo("14");
    }

    @Test
    void shouldWriteFractionalFio2AsWholePercent() {
        vent.apply(vent.settings().withFio2(0.59));

        ObsValue.Numeric fio2 = (ObsValue.Numeric) vent.tick(T).get(0).find(Mdc.VENT_FIO2).orElseThrow().value();

        assertThat(fio2.plain()).isEqualTo("59");
    }

    private static BigDecimal numeric(DeviceSample report, MdcTerm term) {
        return ((ObsValue.Numeric) report.find(term).orElseThrow().value()).value();
    }
}
