package org.infusionwatch.sims.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import org.infusionwatch.sims.model.DeviceKind;
import org.infusionwatch.sims.model.DeviceSample;
import org.infusionwatch.sims.model.Mdc;
import org.infusionwatch.sims.model.MdcTerm;
import org.infusionwatch.sims.model.ObsValue;
import org.infusionwatch.sims.model.monitor.AlarmSamples;
import org.infusionwatch.sims.model.monitor.MonitorAlarm;
import org.infusionwatch.sims.model.monitor.MonitorArtefact;
import org.junit.jupiter.api.Test;

class DeviceBehaviourTest {
    private static final long MIN = 60_000;

    private static RecordingOutput play(Scenario s, long untilMs) {
        RecordingOutput out = new RecordingOutput();
        new BedSimulation("BED01", s, 0, 30_000, 1).advanceTo(untilMs, out);
        return out;
    }

    private static String text(DeviceSample s, MdcTerm term) {
        ObsValue v = s.find(term).orElseThrow().value();
        return v instanceof ObsValue.Coded c ? c.code() + "|" + c.text() : v instanceof ObsValue.Text t ? t.value()
                : ((ObsValue.Numeric) v).plain();
    }

    @Test
    void shouldReportASyringePumpOnChangeAndPeriodicallyWithItsOwnDeviceId() {
        Scenario s = Scenario.builder("pump").onsetAt(Library.min(10), new StartVasopressor(1, "Noradrenaline", 0.16, 1.5))
                .afterOnset(Library.min(5.2), new SetVasopressorRate(1, 4.5))
                .afterOnset(Library.min(7), VasopressorMode.bolus(1, 300)).build();
        List<DeviceSample> pump = play(s, 20 * MIN).of(DeviceKind.PUMP);

        assertThat(pump).extracting(DeviceSample::deviceId).containsOnly("PUMP-BED01-S1");
        assertThat(pump).extracting(DeviceSample::timeMs).contains(10 * MIN, 10 * MIN + 30_000, 15 * MIN + 12_000, 17 * MIN);
        DeviceSample changed = pump.stream().filter(p -> p.timeMs() == 15 * MIN + 12_000).findFirst().orElseThrow();
        assertThat(text(changed, Mdc.FLOW_FLUID_PUMP)).isEqualTo("4.5");
        assertThat(text(changed, Mdc.CONC_DRUG)).isEqualTo("0.16");
        assertThat(text(changed, Mdc.DRUG_NAME_LABEL)).isEqualTo("Noradrenaline");
        assertThat(text(changed, Mdc.PUMP_INFUSING_STATUS)).isEqualTo("|pump-status-infusing");
        assertThat(text(pump.get(pump.size() - 1), Mdc.PUMP_DELIVERY_MODE)).isEqualTo("|pump-program-delivery-mode-bolus");
        assertThat(pump.stream().map(DeviceSample::messageId).distinct().count()).isEqualTo(pump.size());
    }

    @Test
    void shouldRaiseAlarmsWithStartAndEndPhasesBeforeThePeriodicReportOfTheSameInstant() {
        Scenario s = Scenario.builder("vt").onsetAt(Library.min(1), new ChartEntry("NOTE", "n", ""))
                .afterOnset(Library.min(2), MonitorAlarmChange.raise(MonitorAlarm.VENTRICULAR_TACHYCARDIA))
                .afterOnset(Library.min(3), MonitorAlarmChange.end(MonitorAlarm.VENTRICULAR_TACHYCARDIA)).build();
        List<DeviceSample> monitor = play(s, 5 * MIN).of(DeviceKind.MONITOR);
        List<DeviceSample> alarms = monitor.stream().filter(AlarmSamples::isAlarm).collect(Collectors.toList());

        assertThat(alarms).extracting(DeviceSample::timeMs).containsExactly(3 * MIN, 4 * MIN);
        assertThat(alarms).extracting(a -> text(a, Mdc.ATTR_EVENT_PHASE)).containsExactly("start", "end");
        assertThat(alarms).extracting(a -> text(a, Mdc.ATTR_ALARM_STATE)).containsExactly("active", "inactive");
        assertThat(text(alarms.get(0), Mdc.EVT_ALARM)).isEqualTo("199832|MDC_EVT_ECG_V_TACHY");
        assertThat(monitor.indexOf(alarms.get(0)) + 1).isEqualTo(monitor.indexOf(monitor.stream()
                .filter(m -> m.timeMs() == 3 * MIN && !AlarmSamples.isAlarm(m)).findFirst().orElseThrow()));
    }

    @Test
    void shouldReportArtefactsAsARealMonitorWould() {
        Scenario s = Scenario.builder("artefacts").onsetAt(Library.min(1), new ChartEntry("NOTE", "n", ""))
                .afterOnset(Library.min(1), ArtefactChange.start(MonitorArtefact.ECG_LEAD_OFF))
                .afterOnset(Library.min(1), ArtefactChange.start(MonitorArtefact.ARTERIAL_DAMPED))
                .afterOnset(Library.min(3), ArtefactChange.stop(MonitorArtefact.ECG_LEAD_OFF)).build();
        List<DeviceSample> monitor = play(s, 4 * MIN).of(DeviceKind.MONITOR);
        DeviceSample during = monitor.stream().filter(m -> m.timeMs() == 3 * MIN && !AlarmSamples.isAlarm(m))
                .findFirst().orElseThrow();
        assertThat(text(during, Mdc.ECG_HEART_RATE)).isEqualTo("0");
        assertThat(text(during, Mdc.ART_MEAN_PRESSURE)).isEqualTo("55");
        assertThat(text(during, Mdc.ART_SYSTOLIC)).isEqualTo("58");
        assertThat(monitor.stream().filter(AlarmSamples::isAlarm).map(a -> text(a, Mdc.EVT_ALARM)))
                .containsExactly("196876|MDC_EVT_LEAD_DISCONN", "196876|MDC_EVT_LEAD_DISCONN");
    }

    @Test
    void shouldSilenceDelayDuplicateAndSwapADevicesReports() {
        Scenario s = Scenario.builder("faults").onsetAt(Library.min(10), new ChartEntry("NOTE", "n", ""))
                .afterOnset(Library.min(0), NetworkFault.silence(DeviceKind.MONITOR, Library.min(2)))
                .afterOnset(Library.min(0), NetworkFault.delay(DeviceKind.VENTILATOR, Library.min(1)))
                .afterOnset(Library.min(5), NetworkFault.duplicate(DeviceKind.MONITOR, 1))
                .afterOnset(Library.min(7), NetworkFault.swap(DeviceKind.VENTILATOR, 1)).build();
        RecordingOutput out = play(s, 20 * MIN);
        List<Long> monitor = out.of(DeviceKind.MONITOR).stream().map(DeviceSample::timeMs).collect(Collectors.toList());
        List<Long> vent = out.of(DeviceKind.VENTILATOR).stream().map(DeviceSample::timeMs).collect(Collectors.toList());

        assertThat(monitor).doesNotContain(10 * MIN, 11 * MIN + 30_000).contains(12 * MIN);
        assertThat(monitor.stream().filter(t -> t == 15 * MIN).count()).isEqualTo(2);
        int held = vent.indexOf(10 * MIN);
        assertThat(vent.subList(held, held + 3)).containsExactly(10 * MIN, 10 * MIN + 30_000, 11 * MIN);
        int swapped = vent.indexOf(17 * MIN + 30_000);
        assertThat(vent.get(swapped + 1)).isEqualTo(17 * MIN);
    }
}
