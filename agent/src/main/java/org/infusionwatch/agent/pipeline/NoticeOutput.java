package org.infusionwatch.agent.pipeline;

import org.infusionwatch.agent.eventlog.DeliveryLedger;
import org.infusionwatch.agent.eventlog.EventLog;
import org.infusionwatch.agent.model.AgentNotice;
import org.infusionwatch.agent.ports.NoticeSink;

/**
 * What happens to each notice the engine produces, live or while the agent re-derives its state
 * from the journal after a restart: a notice the event log does not hold yet is sent, then
 * written to the log; one the log holds is sent again only if the broker never confirmed it. So
 * every alert ends up in the log exactly once and is published at least once.
 *
 * <p>Sending comes first so that an alert leaves without waiting for the log's write (the log
 * knows what it holds without a query). Should the process die between the two, the alert was
 * sent but not logged; the start-up recovery re-derives it from the journal, logs it and sends it
 * again, with the same alert id, which subscribers use to drop the repeat.
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
        boolean fresh = !eventLog.holds(notice);
        if (fresh || (ledger != null && !ledger.isDelivered(notice))) {
            sink.onNotice(notice, inputReceivedNanos);
        }
        if (fresh) {
            eventLog.record(notice);
        }
    }
}
