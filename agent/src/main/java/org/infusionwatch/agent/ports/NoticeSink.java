package org.infusionwatch.agent.ports;

import org.infusionwatch.agent.model.AgentNotice;

/**
 * Where alerts and infusion notices go: MQTT, HL7 to the alert manager, the dashboard, the
 * console. Called on the output thread, or for the one sink the ring feeds first (see
 * {@code AgentPipeline.Context#immediate}) on the engine thread; implementations hand off and
 * return quickly.
 */
public interface NoticeSink {
    /** A sink that drops everything. */
    NoticeSink NONE = (notice, inputReceivedNanos) -> { };

    /**
     * @param notice              what the engine said
     * @param inputReceivedNanos  {@link System#nanoTime()} when the input that caused it arrived
     */
    void onNotice(AgentNotice notice, long inputReceivedNanos);

    /** Sends each notice to every sink in turn. */
    static NoticeSink all(NoticeSink... sinks) {
        return (notice, nanos) -> {
            for (NoticeSink s : sinks) {
                s.onNotice(notice, nanos);
            }
        };
    }
}
