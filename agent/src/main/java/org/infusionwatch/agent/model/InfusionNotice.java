package org.infusionwatch.agent.model;

/**
 * A study infusion's window opened, resumed or completed at a bed. Immutable.
 *
 * @param bed         the bed
 * @param patient     trial pseudonym
 * @param infusionId  {@code unit/bed/n}, n counting the bed's study infusions from 1
 * @param kind        what changed
 * @param timeMs      event time of the change
 * @param onsetMs     the infusion's onset (T0)
 * @param source      what told us: the pump's device id or the clinician entry's author
 * @param protocolName protocol profile in force, so every event-log row says under which
 *                     definitions it was written
 * @param protocolHash SHA-256 of that protocol file's content
 */
public record InfusionNotice(
        BedRef bed,
        String patient,
        String infusionId,
        Kind kind,
        long timeMs,
        long onsetMs,
        String source,
        String protocolName,
        String protocolHash) implements AgentNotice {

    /** What happened to the infusion. */
    public enum Kind {
        OPENED,
        RESUMED,
        COMPLETED,
        /** T0 + 6 h: no new respiratory or cardiovascular event counts for this infusion. */
        WINDOW_CLOSED
    }
}
