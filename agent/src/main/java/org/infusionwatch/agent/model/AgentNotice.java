package org.infusionwatch.agent.model;

/**
 * Something the engine tells the outside world: an alert, or a change of an infusion's state.
 * Immutable; produced by the engine thread and consumed by the output stage.
 */
public sealed interface AgentNotice permits Alert, AlertChange, InfusionNotice {
    BedRef bed();

    /** Event time the notice refers to, epoch milliseconds. */
    long timeMs();
}
