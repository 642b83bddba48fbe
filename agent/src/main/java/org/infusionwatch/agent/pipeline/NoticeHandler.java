package org.infusionwatch.agent.pipeline;

import com.lmax.disruptor.EventHandler;

/**
 * Output stage, after the engine: writes each notice to the event log, then hands it to the sinks
 * (MQTT, HL7, dashboard, console). A notice the event log already holds (the same alert re-derived
 * after a restart) is sent again only if the broker never confirmed it.
 */
public final class NoticeHandler implements EventHandler<InboundEvent> {
    private final NoticeOutput output;

    public NoticeHandler(NoticeOutput output) {
        this.output = output;
    }

    /** Names the thread, for thread dumps, profiles and the gateway's background scheduling. */
    @Override
    public void onStart() {
        Thread.currentThread().setName("agent-output");
    }

    @Override
    public void onEvent(InboundEvent e, long sequence, boolean endOfBatch) {
        if (e.notices.isEmpty()) {
            return;
        }
        for (int i = 0; i < e.notices.size(); i++) {
            output.emit(e.notices.get(i), e.receivedAtNanos);
        }
        e.notices.clear();
    }
}
