package org.infusionwatch.agent.engine;

import java.util.Map;
import org.infusionwatch.agent.protocol.ProtocolProfile;

/**
 * The part of every alert's evidence that is about the bed rather than the rule: physiological
 * baselines (median of artefact-free samples in the hour before onset), the artefacts set aside
 * since onset, the notes charted, and the profile version. Built only when an alert is raised.
 */
final class AlertContext {
    private AlertContext() {
    }

    static Map<String, Object> complete(Map<String, Object> evidence, BedState bed, Infusion infusion,
                                        ProtocolProfile profile) {
        long t0 = infusion.onsetMs;
        long baselineMs = profile.baselineMs();
        Evidence e = new Evidence();
        e.map().putAll(evidence);
        e.number("baselineSpo2Percent", infusion.baseline(bed.spo2, baselineMs))
                .number("baselineHeartRate", infusion.baseline(bed.heartRate, baselineMs))
                .number("baselineMapMmHg", infusion.baseline(bed.arterialMean, baselineMs));
        StringBuilder artefacts = new StringBuilder();
        int total = 0;
        for (ArtefactKind kind : ArtefactKind.values()) {
            int n = infusion.artefactsSinceOnset(bed, kind);
            if (n > 0) {
                total += n;
                artefacts.append(artefacts.length() > 0 ? ", " : "").append(kind.words()).append(' ').append(n);
            }
        }
        e.put("artefactsSinceOnset", (long) total)
                .put("artefacts", total == 0 ? "none" : artefacts.toString());
        String notes = Entries.notes(bed, t0, bed.nowMs);
        if (!notes.isEmpty()) {
            e.put("notes", notes);
        }
        e.put("protocolVersion", (long) profile.version());
        return e.map();
    }
}
