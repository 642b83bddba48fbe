package org.infusionwatch.sims.model.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;

import org.infusionwatch.sims.model.DeviceSample;
import org.infusionwatch.sims.model.Mdc;
import org.infusionwatch.sims.model.MdcTerm;
import org.infusionwatch.sims.model.ObsKind;
import org.infusionwatch.sims.model.ObsValue;
import org.infusionwatch.sims.model.Observation;
import org.junit.jupiter.api.Test;

class PatientMonitorTest {

    private static final long T = 1_800_000_000_000L;
    private static final long PERIOD = 60_000;
    private static final long HOUR = 3_600_000;

    @Test
    void shouldReportSpo2HeartRateAndMapAsMeasurements() {
        PatientMonitor monitor = monitor(1, new Vitals(94, 90, 75));

        DeviceSample report = monitor.tick(T).get(0);

        assertThat(report.deviceId()).isEqualTo("MON-BED01");
        assertThat(report.observations()).extracting(o -> o.term().code()).containsExactly(150456, 147842, 150039);
        assertThat(report.observations()).extracting(Observation::kind).containsOnly(ObsKind.MEASUREMENT);
        assertThat(report.observations()).extracting(o -> o.unit().refId())
                .containsExactly("MDC_DIM_PERCENT", "MDC_DIM_BEAT_PER_MIN", "MDC_DIM_MMHG");
    }

    @Test
    void shouldKeepNoiseSmall() {
        PatientMonitor monitor = monitor(1, new Vitals(94, 90, 75));

        List<DeviceSample> hour = monitor.tick(T + HOUR);

        assertThat(hour).hasSize(61);
        assertThat(hour).allSatisfy(r -> {
            assertThat(value(r, Mdc.SPO2)).isBetween(93, 95);
            assertThat(value(r, Mdc.ECG_HEART_RATE)).isBetween(87, 93);
            assertThat(value(r, Mdc.ART_MEAN_PRESSURE)).isBetween(73, 77);
        });
        assertThat(hour.stream().map(r -> value(r, Mdc.ECG_HEART_RATE)).distinct().count())
                .as("noise varies the readings").isGreaterThan(1);
    }

    @Test
    void shouldGiveTheSameReadingsForTheSameSeed() {
        List<DeviceSample> first = monitor(42, new Vitals(94, 90, 75)).tick(T + HOUR);
        List<DeviceSample> second = monitor(42, new Vitals(94, 90, 75)).tick(T + HOUR);

        assertThat(first).isEqualTo(second);
    }

    @Test
    void shouldNeverReportSpo2Above100() {
        List<DeviceSample> hour = monitor(3, new Vitals(100, 90, 75)).tick(T + HOUR);

        assertThat(hour).allSatisfy(r -> assertThat(value(r, Mdc.SPO2)).isLessThanOrEqualTo(100));
    }

    @Test
    void shouldReportChangedVitalsFromTheNextReportOn() {
        PatientMonitor monitor = monitor(1, new Vitals(94, 90, 75));
        monitor.tick(T);

        monitor.apply(monitor.vitals().withSpo2(85));

        assertThat(value(monitor.tick(T + PERIOD).get(0), Mdc.SPO2)).isBetween(84, 86);
    }

    private static PatientMonitor monitor(long seed, Vitals vitals) {
        return new PatientMonitor("MON-BED01", vitals, T, PERIOD, new SplittableRandom(seed));
    }

    private static int value(DeviceSample report, MdcTerm term) {
        return ((ObsValue.Numeric) report.find(term).orElseThrow().value()).value().intValueExact();
    }
}
