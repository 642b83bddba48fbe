package org.infusionwatch.sims.scenario;

import java.util.Objects;

/**
 * A clinician charts an entry at the bedside (sent on MQTT {@code icu/{unit}/{bed}/entries}).
 *
 * @param type e.g. {@code INFUSION_START}, {@code INFUSION_STOP}
 * @param by   a staff identifier, never a patient's
 * @param note free text
 */
public record ChartEntry(String type, String by, String note) implements ScenarioAction {

    public ChartEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(note, "note");
    }

    @Override
    public String apply(BedDevices bed, long nowMs) {
        bed.chart(type, by, note, nowMs);
        return by + " charted " + type + (note.isEmpty() ? "" : " (" + note + ")");
    }
}
