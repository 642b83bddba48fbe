package org.infusionwatch.sims.scenario;

import static org.infusionwatch.sims.scenario.Library.hours;
import static org.infusionwatch.sims.scenario.Library.min;
import static org.infusionwatch.sims.scenario.Library.put;

import java.util.Map;
import java.util.function.Supplier;

import org.infusionwatch.sims.model.DeviceKind;
import org.infusionwatch.sims.model.monitor.MonitorArtefact;

/** Artefact storms that must raise nothing, and a resending, reordering network that must raise once. */
final class ArtefactScenarios {
    private ArtefactScenarios() {
    }

    static void register(Map<String, Supplier<Scenario>> l) {
        put(l, "spo2-probe-off-storm", () -> {
            Scenario.Builder b = Scenarios.studyInfusion("spo2-probe-off-storm")
                    .description("SpO2 probe off four times for 5 min (reads 62 %), then 10 min of low perfusion (70 %): nothing");
            for (int k = 0; k < 4; k++) {
                b.afterOnset(min(30 + 15 * k), ArtefactChange.start(MonitorArtefact.SPO2_PROBE_OFF))
                        .afterOnset(min(35 + 15 * k), ArtefactChange.stop(MonitorArtefact.SPO2_PROBE_OFF));
            }
            return b.afterOnset(min(100), ArtefactChange.start(MonitorArtefact.SPO2_LOW_PERFUSION))
                    .afterOnset(min(110), ArtefactChange.stop(MonitorArtefact.SPO2_LOW_PERFUSION))
                    .build();
        });
        put(l, "arterial-line-artefacts", () -> Scenarios.studyInfusion("arterial-line-artefacts")
                .description("arterial line flush 2 min, zeroing 6 min, damped trace 10 min (MAP 55): nothing")
                .afterOnset(min(30), ArtefactChange.start(MonitorArtefact.ARTERIAL_FLUSH))
                .afterOnset(min(32), ArtefactChange.stop(MonitorArtefact.ARTERIAL_FLUSH))
                .afterOnset(min(60), ArtefactChange.start(MonitorArtefact.ARTERIAL_ZEROING))
                .afterOnset(min(66), ArtefactChange.stop(MonitorArtefact.ARTERIAL_ZEROING))
                .afterOnset(min(90), ArtefactChange.start(MonitorArtefact.ARTERIAL_DAMPED))
                .afterOnset(min(100), ArtefactChange.stop(MonitorArtefact.ARTERIAL_DAMPED))
                .build());
        put(l, "duplicate-and-out-of-order", () -> Scenarios.studyInfusion("duplicate-and-out-of-order")
                .description("reports resent with the same id and pairs swapped; FiO2 and PEEP rise at T0+2 h: flagged once")
                .afterOnset(min(30), NetworkFault.duplicate(DeviceKind.MONITOR, 20))
                .afterOnset(min(30), NetworkFault.duplicate(DeviceKind.VENTILATOR, 10))
                .afterOnset(min(60), NetworkFault.swap(DeviceKind.MONITOR, 5))
                .afterOnset(min(90), NetworkFault.swap(DeviceKind.VENTILATOR, 2))
                .afterOnset(hours(2), AdjustVentilator.to(0.70, 14))
                .afterOnset(min(125), NetworkFault.duplicate(DeviceKind.VENTILATOR, 10))
                .expectAfterOnset("HYPOXEMIA_WORSENING", hours(2))
                .build());
    }
}
