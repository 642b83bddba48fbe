package org.infusionwatch.agent.model;

/** Life cycle of an alert. Every change is a row in the event log. */
public enum AlertState {
    RAISED,
    ACKNOWLEDGED,
    ESCALATED,
    RESOLVED,
    ANNOTATED
}
