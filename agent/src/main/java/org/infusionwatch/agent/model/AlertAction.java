package org.infusionwatch.agent.model;

/**
 * What a person did about an alert (dashboard, MQTT): acknowledged it, annotated it, or marked it
 * resolved. An input like any other: journaled, and applied in order by the engine thread.
 *
 * @param actionId unique id given by the sender; a repeat is a duplicate
 * @param alertId  the alert
 * @param bed      the alert's bed
 * @param action   what was done
 * @param timeMs   when, epoch milliseconds
 * @param by       staff identifier (never a patient identifier)
 * @param note     free text, may be empty
 */
public record AlertAction(String actionId, String alertId, BedRef bed, Action action, long timeMs, String by, String note) {

    /** Kinds of action. */
    public enum Action {
        ACKNOWLEDGE,
        ANNOTATE,
        RESOLVE
    }
}
