package org.infusionwatch.agent.pipeline;

import com.lmax.disruptor.EventHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.infusionwatch.agent.journal.InputJournal;
import org.infusionwatch.agent.journal.JournalRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Journals every input and releases acknowledgements once the batch holding it is synced.
 * Runs beside the engine handler on its own thread; a batch ends at the Disruptor's end of batch
 * or after {@code maxBatch} inputs, whichever comes first, so acknowledgement latency stays bounded
 * under load while one sync covers many messages.
 */
public final class JournalHandler implements EventHandler<InboundEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(JournalHandler.class);

    private final InputJournal journal;
    private final LongSupplier wallClockMs;
    private final int maxBatch;
    private final List<AckHandle> pendingAcks = new ArrayList<>();
    private final List<Long> pendingSeqs = new ArrayList<>();

    public JournalHandler(InputJournal journal, LongSupplier wallClockMs, int maxBatch) {
        this.journal = journal;
        this.wallClockMs = wallClockMs;
        this.maxBatch = maxBatch;
    }

    /** Names the thread, for thread dumps and profiles. */
    @Override
    public void onStart() {
        Thread.currentThread().setName("agent-journal");
    }

    @Override
    public void onEvent(InboundEvent e, long sequence, boolean endOfBatch) {
        long seq = journal.append(new JournalRecord(
                wallClockMs.getAsLong(),
                e.kind.name(),
                e.source.format().name(),
                e.source.origin(),
                e.tickTimeMs,
                e.raw,
                e.rejectReason));
        if (e.ack != AckHandle.NONE && e.ack != null) {
            pendingAcks.add(e.ack);
            pendingSeqs.add(seq);
        }
        e.journalled();
        if (endOfBatch || pendingAcks.size() >= maxBatch) {
            flush();
        }
    }

    private void flush() {
        try {
            journal.commit();
        } catch (RuntimeException ex) {
            LOG.error("journal commit failed; {} inputs will be refused so their senders retry", pendingAcks.size(), ex);
            for (AckHandle ack : pendingAcks) {
                ack.failed(ex);
            }
            pendingAcks.clear();
            pendingSeqs.clear();
            return;
        }
        for (int i = 0; i < pendingAcks.size(); i++) {
            try {
                pendingAcks.get(i).durable(pendingSeqs.get(i));
            } catch (RuntimeException ex) {
                LOG.warn("acknowledgement could not be sent", ex);
            }
        }
        pendingAcks.clear();
        pendingSeqs.clear();
    }

    @Override
    public void onShutdown() {
        flush();
        journal.close();
    }
}
