package org.infusionwatch.agent.model;

/**
 * Stable codes of what the agent flags. They appear in alerts, the event log and reports and
 * never change meaning. Protocol events are the trial's pre-specified infusion-associated events;
 * the others are technical or early warnings and are never counted as protocol events.
 */
public enum EventCode {
    VASOPRESSOR_ESCALATION(true),
    HYPOXEMIA_WORSENING(true),
    INTUBATION_AFTER_HIGH_FLOW(true),
    LETHAL_ARRHYTHMIA(true),
    ARRHYTHMIA_CARDIOVERSION(true),
    TRANSFUSION_REACTION(true),
    CARDIAC_ARREST(true),
    DEATH(true),
    SIGNAL_LOSS(false),
    EARLY_WARNING_DESATURATION(false),
    EARLY_WARNING_HYPOTENSION(false),
    EARLY_WARNING_HEART_RATE(false);

    private final boolean protocolEvent;

    EventCode(boolean protocolEvent) {
        this.protocolEvent = protocolEvent;
    }

    /** True for the trial's pre-specified events, false for technical alerts and early warnings. */
    public boolean isProtocolEvent() {
        return protocolEvent;
    }
}
