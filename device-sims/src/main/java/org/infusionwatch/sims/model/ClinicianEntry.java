package org.infusionwatch.sims.model;

import java.util.Objects;

/**
 * Something a clinician charted at the bedside, such as the start of the study infusion.
 *
 * @param entryId unique per bed, e.g. {@code E-BED01-0001}
 * @param type    e.g. {@code INFUSION_START}, {@code INFUSION_STOP}
 * @param timeMs  sim time of the entry, epoch milliseconds
 * @param by      a staff identifier, never a patient's
 * @param note    free text, may be empty
 */
public record ClinicianEntry(String entryId, String type, long timeMs, String by, String note) {

    public ClinicianEntry {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(note, "note");
    }
}
