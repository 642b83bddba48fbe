package org.infusionwatch.agent.ports;

import org.infusionwatch.agent.model.AgentNotice;

/**
 * Where alerts and infusion notices go once they are in the event log: MQTT, HL7 to the alert
 * manager, the dashboard, the console. Called on the output thread; implementations hand off and
 * return quickly.
 */
public interface NoticeSink {

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
