package org.infusionwatch.agent.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An alert for a bed's infusion window. Immutable.
 *
 * @param alertId         deterministic id (bed, infusion, event, onset): the same alert re-derived
 *                        after a restart or in a replay has the same id
 * @param bed             the bed
 * @param patient         trial pseudonym of the patient in that bed (never a hospital identifier)
 * @param infusionId      the infusion whose window the event falls in
 * @param event           what happened
 * @param priority        how urgently a nurse should look
 * @param state           life-cycle state this record describes
 * @param onsetMs         event time at which the condition began (threshold first crossed)
 * @param raisedMs        event time at which the engine knew (condition held long enough)
 * @param protocolName    protocol profile the rule came from
 * @param protocolHash    SHA-256 of the protocol file's content
 * @param evidence        triggering values, baselines and context, in a stable order
 */
public record Alert(
        String alertId,
        BedRef bed,
        String patient,
        String infusionId,
        EventCode event,
        Priority priority,
        AlertState state,
        long onsetMs,
        long raisedMs,
        String protocolName,
        String protocolHash,
        Map<String, Object> evidence) implements AgentNotice {

    public Alert {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(bed, "bed");
        Objects.requireNonNull(event, "event");
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }

    @Override
    public long timeMs() {
        return raisedMs;
    }
}
