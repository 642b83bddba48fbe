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
        INFUSION_START,
        INFUSION_STOP
    }
}
