package org.infusionwatch.agent.pipeline;

import com.lmax.disruptor.EventHandler;
import java.util.ArrayList;
import java.util.Arrays;
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
 * under load while one sync covers many messages. At the end of a batch the commit also waits
 * until the gap since the last one has passed ({@link BatchSpacing}); a full batch does not wait.
 */
public final class JournalHandler implements EventHandler<InboundEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(JournalHandler.class);

    private final InputJournal journal;
    private final LongSupplier wallClockMs;
    private final int maxBatch;
    private final BatchSpacing spacing;
    private final List<AckHandle> pendingAcks = new ArrayList<>();
    /** The journal numbers of {@link #pendingAcks}, index for index; unboxed, as this runs for every input. */
    private long[] pendingSeqs = new long[64];

    /** A journal whose commits, once a batch has caught up with the ring, are at least {@code minCommitGapMicros} apart (0: no gap). */
    public JournalHandler(InputJournal journal, LongSupplier wallClockMs, int maxBatch, long minCommitGapMicros) {
        this(journal, wallClockMs, maxBatch, BatchSpacing.ofMicros(minCommitGapMicros));
    }

    JournalHandler(InputJournal journal, LongSupplier wallClockMs, int maxBatch, BatchSpacing spacing) {
        this.journal = journal;
        this.wallClockMs = wallClockMs;
        this.maxBatch = maxBatch;
        this.spacing = spacing;
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
            if (pendingAcks.size() == pendingSeqs.length) {
                pendingSeqs = Arrays.copyOf(pendingSeqs, pendingSeqs.length * 2);
            }
            pendingSeqs[pendingAcks.size()] = seq;
            pendingAcks.add(e.ack);
        }
        e.journalled();
        if (pendingAcks.size() >= maxBatch) {
            flush();
        } else if (endOfBatch) {
            spacing.awaitTurn();
            flush();
        }
    }

    private void flush() {
        try {
            spacing.starting();
            journal.commit();
        } catch (RuntimeException ex) {
            LOG.error("journal commit failed; {} inputs will be refused so their senders retry", pendingAcks.size(), ex);
            for (AckHandle ack : pendingAcks) {
                ack.failed(ex);
            }
            pendingAcks.clear();
            return;
        }
        for (int i = 0; i < pendingAcks.size(); i++) {
            try {
                pendingAcks.get(i).durable(pendingSeqs[i]);
            } catch (RuntimeException ex) {
                LOG.warn("acknowledgement could not be sent", ex);
            }
        }
        pendingAcks.clear();
    }

    @Override
    public void onShutdown() {
        flush();
        journal.close();
    }
}
