package org.infusionwatch.agent.model;

/**
 * A change of an alert's state after it was raised: acknowledged (and by whom), escalated because
 * nobody acknowledged it in time, annotated, resolved. Immutable.
 *
 * @param alertId    the alert
 * @param bed        its bed
 * @param patient    trial pseudonym
 * @param infusionId its infusion
 * @param event      its event code
 * @param state      the new state
 * @param timeMs     when the change happened (event time)
 * @param onsetMs    the alert's onset
 * @param by         who (staff identifier, or {@code system} for an escalation)
 * @param note       free text, may be empty
 * @param protocolName protocol profile of the alert
 * @param protocolHash SHA-256 of that protocol file's content
 */
public record AlertChange(
        String alertId,
        BedRef bed,
        String patient,
        String infusionId,
        EventCode event,
        AlertState state,
        long timeMs,
        long onsetMs,
        String by,
        String note,
        String protocolName,
        String protocolHash) implements AgentNotice {
}
