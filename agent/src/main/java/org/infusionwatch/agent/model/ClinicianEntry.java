package org.infusionwatch.agent.model;

/**
 * Something a clinician recorded at the bedside (dashboard, MQTT or HL7). Immutable.
 *
 * @param entryId  unique id given by the sender; a repeat is a duplicate
 * @param bed      the bed
 * @param type     what was recorded
 * @param timeMs   when it happened (event time), epoch milliseconds
 * @param by       staff identifier of the author (never a patient identifier)
 * @param note     free text, may be empty
 */
public record ClinicianEntry(String entryId, BedRef bed, Type type, long timeMs, String by, String note) {

    /** Kinds of entries. */
    public enum Type {
        /** The study infusion started (manual T0 when no pump reports it). */
        INFUSION_START,
        /** The study infusion stopped. */
        INFUSION_STOP,
        /** An arrhythmia was cardioverted (ARRHYTHMIA_CARDIOVERSION). */
        CARDIOVERSION,
        /** Signs of a transfusion reaction, e.g. urticaria, new bronchospasm; the signs in the note. */
        TRANSFUSION_REACTION,
        /** Cardiac arrest. */
        CARDIAC_ARREST,
        /** Death. */
        DEATH,
        /** The patient was intubated (INTUBATION_AFTER_HIGH_FLOW when on high flow or NIV at onset). */
        INTUBATION,
        /** Free-text context at the bed, shown in the evidence of the infusion's alerts. */
        NOTE
    }
}
