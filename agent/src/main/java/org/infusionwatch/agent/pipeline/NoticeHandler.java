package org.infusionwatch.agent.pipeline;

import com.lmax.disruptor.EventHandler;
import org.infusionwatch.agent.eventlog.EventLog;
import org.infusionwatch.agent.model.AgentNotice;
import org.infusionwatch.agent.ports.NoticeSink;

/**
 * Output stage, after the engine: writes each notice to the event log, then hands it to the sinks
 * (MQTT, HL7, dashboard, console). A notice the event log already holds (the same alert re-derived
 * after a restart) is not sent again. Clears the slot when done.
 */
public final class NoticeHandler implements EventHandler<InboundEvent> {
    private final EventLog eventLog;
    private final NoticeSink sink;

    public NoticeHandler(EventLog eventLog, NoticeSink sink) {
        this.eventLog = eventLog;
        this.sink = sink;
    }

    @Override
    public void onEvent(InboundEvent e, long sequence, boolean endOfBatch) {
        if (e.notices.isEmpty()) {
            return;
        }
        for (int i = 0; i < e.notices.size(); i++) {
            AgentNotice notice = e.notices.get(i);
            if (eventLog.record(notice)) {
                sink.onNotice(notice, e.receivedAtNanos);
            }
        }
    }
}
