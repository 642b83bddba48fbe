package org.infusionwatch.agent.pipeline;

import org.infusionwatch.agent.eventlog.DeliveryLedger;
import org.infusionwatch.agent.eventlog.EventLog;
import org.infusionwatch.agent.model.AgentNotice;
import org.infusionwatch.agent.ports.NoticeSink;

/**
 * What happens to each notice the engine produces, live or while the agent re-derives its state
 * from the journal after a restart: it is written to the event log, then sent, unless it was
 * already logged and the broker had confirmed it. So every alert ends up in the log exactly once
 * and is published at least once.
 *
 * <p>Single-threaded: the output handler, or the start-up recovery before the ring starts.
 */
public final class NoticeOutput {
    private final EventLog eventLog;
    private final DeliveryLedger ledger;
    private final NoticeSink sink;

    /** @param ledger confirmed deliveries, or null when nothing confirms (replay into a new folder) */
    public NoticeOutput(EventLog eventLog, DeliveryLedger ledger, NoticeSink sink) {
        this.eventLog = eventLog;
        this.ledger = ledger;
        this.sink = sink;
    }

    public void emit(AgentNotice notice, long inputReceivedNanos) {
        boolean fresh = eventLog.record(notice);
        if (fresh || (ledger != null && !ledger.isDelivered(notice))) {
            sink.onNotice(notice, inputReceivedNanos);
        }
    }
}
