package org.infusionwatch.sims.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.infusionwatch.sims.model.DeviceKind;
import org.infusionwatch.sims.model.DeviceSample;
import org.infusionwatch.sims.model.Mdc;
import org.infusionwatch.sims.model.MdcTerm;
import org.infusionwatch.sims.model.ObsValue;
import org.infusionwatch.sims.model.pump.PumpState;
import org.junit.jupiter.api.Test;

class BedSimulationTest {

    private static final long START = 1_795_338_000_000L; // 2026-11-22T09:00:00Z
    private static final long MINUTE = 60_000;
    private static final long ONSET = START + 60 * MINUTE;

    @Test
    void shouldRaiseFio2AndPeepTwoHoursAfterOnset() {
        BedSimulation bed = new BedSimulation("BED01", Scenarios.hypoxemia(), START, MINUTE, 1);
        RecordingOutput out = new RecordingOutput();

        bed.advanceTo(ONSET + 120 * MINUTE, out);

        List<DeviceSample> vent = out.of(DeviceKind.VENTILATOR);
        DeviceSample justBefore = at(vent, ONSET + 119 * MINUTE);
        DeviceSample atChange = at(vent, ONSET + 120 * MINUTE);
        assertThat(number(justBefore, Mdc.VENT_FIO2)).isEqualByComparingTo("40");
        assertThat(number(justBefore, Mdc.VENT_PEEP)).isEqualByComparingTo("8");
        assertThat(number(atChange, Mdc.VENT_FIO2)).isEqualByComparingTo("70");
        assertThat(number(atChange, Mdc.VENT_PEEP)).isEqualByComparingTo("14");
        assertThat(out.steps).last().isEqualTo(new RecordingOutput.Step(ONSET + 120 * MINUTE, "FiO2 0.40→0.70, PEEP 8→14"));
    }

    @Test
    void shouldStartTheStudyPumpAtOnsetAndCompleteItAnHourLater() {
        BedSimulation bed = new BedSimulation("BED01", Scenarios.stable(), START, MINUTE, 1);
        RecordingOutput out = new RecordingOutput();

        bed.advanceTo(START + 6 * 60 * MINUTE, out);

        List<DeviceSample> pump = out.of(DeviceKind.PUMP);
        assertThat(pump).extracting(DeviceSample::timeMs).containsExactly(ONSET, ONSET + 60 * MINUTE);
        assertThat(pump).extracting(s -> s.event().orElseThrow().event().code()).containsExactly(197288, 197292);
        assertThat(pump.get(0).event().orElseThrow().drugLabel()).isEqualTo("STUDY-PRODUCT KIT-0042");
        assertThat(bed.devices().pump().state()).isEqualTo(PumpState.COMPLETE);
        assertThat(out.steps).extracting(RecordingOutput.Step::description).containsExactly(
                "study infusion started (STUDY-PRODUCT KIT-0042, 100 mL/h)", "study infusion complete");
    }

    @Test
    void shouldApplyAStepBeforeTheReportDueAtTheSameInstant() {
        BedSimulation bed = new BedSimulation("BED01", Scenarios.hypoxemia(), START, MINUTE, 1);
        RecordingOutput out = new RecordingOutput();

        bed.advanceTo(ONSET, out);

        int step = out.all.indexOf(out.steps.get(0));
        DeviceSample ventAtOnset = at(out.of(DeviceKind.VENTILATOR), ONSET);
        assertThat(step).isLessThan(out.all.indexOf(ventAtOnset));
    }

    @Test
    void shouldProduceTheSameOutputHoweverOftenItIsAdvanced() {
        RecordingOutput oneJump = new RecordingOutput();
        new BedSimulation("BED01", Scenarios.hypoxemia(), START, MINUTE, 5).advanceTo(START + 240 * MINUTE, oneJump);

        RecordingOutput manyTicks = new RecordingOutput();
        BedSimulation ticked = new BedSimulation("BED01", Scenarios.hypoxemia(), START, MINUTE, 5);
        for (long t = START; t <= START + 240 * MINUTE; t += 1_234) {
            ticked.advanceTo(t, manyTicks);
        }
        ticked.advanceTo(START + 240 * MINUTE, manyTicks);

        assertThat(manyTicks.all).isEqualTo(oneJump.all);
    }

    @Test
    void shouldChartEntriesAndChangeVitalsAsScripted() {
        Scenario scenario = Scenario.builder("charted-desaturation")
                .onsetAt(Duration.ofMinutes(10), new ChartEntry("INFUSION_START", "nurse-17", "study product"))
                .afterOnset(Duration.ofMinutes(30), ChangeVitals.spo2(86))
                .build();
        BedSimulation bed = new BedSimulation("BED02", scenario, START, MINUTE, 1);
        RecordingOutput out = new RecordingOutput();

        bed.advanceTo(START + 40 * MINUTE, out);

        assertThat(out.entries).singleElement().satisfies(e -> {
            assertThat(e.entryId()).isEqualTo("E-BED02-0001");
            assertThat(e.type()).isEqualTo("INFUSION_START");
            assertThat(e.timeMs()).isEqualTo(START + 10 * MINUTE);
        });
        assertThat(out.steps).extracting(RecordingOutput.Step::description)
                .containsExactly("nurse-17 charted INFUSION_START (study product)", "SpO2 94→86");
        assertThat(number(at(out.of(DeviceKind.MONITOR), START + 40 * MINUTE), Mdc.SPO2).intValue()).isBetween(85, 87);
    }

    private static DeviceSample at(List<DeviceSample> samples, long timeMs) {
        return samples.stream().filter(s -> s.timeMs() == timeMs).findFirst().orElseThrow();
    }

    private static BigDecimal number(DeviceSample sample, MdcTerm term) {
        return ((ObsValue.Numeric) sample.find(term).orElseThrow().value()).value();
    }
}
