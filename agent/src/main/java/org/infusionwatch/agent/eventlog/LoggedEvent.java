package org.infusionwatch.agent.eventlog;

/** One row of the event log as a coordinator reads it. Immutable. */
public record LoggedEvent(
        long seq,
        String kind,
        String alertId,
        String unit,
        String bed,
        String patient,
        String infusionId,
        String code,
        String state,
        long eventMs,
        long onsetMs,
        String payload) {

    public boolean isAlert() {
        return "ALERT".equals(kind);
    }
}
