package org.infusionwatch.sims.scenario;

import java.util.Objects;

import org.infusionwatch.sims.model.monitor.MonitorArtefact;

/**
 * An artefact begins or ends at the monitor (probe off, line flush, leads off ...); the patient
 * is unchanged.
 *
 * @param artefact the artefact
 * @param on       true = begins, false = ends
 */
public record ArtefactChange(MonitorArtefact artefact, boolean on) implements ScenarioAction {

    public ArtefactChange {
        Objects.requireNonNull(artefact, "artefact");
    }

    public static ArtefactChange start(MonitorArtefact artefact) {
        return new ArtefactChange(artefact, true);
    }

    public static ArtefactChange stop(MonitorArtefact artefact) {
        return new ArtefactChange(artefact, false);
    }

    @Override
    public String apply(BedDevices bed, long nowMs) {
        if (on) {
            bed.monitor().startArtefact(artefact, nowMs);
        } else {
            bed.monitor().stopArtefact(artefact, nowMs);
        }
        return "artefact " + artefact + (on ? " begins" : " ends");
    }
}
