package org.infusionwatch.agent.pipeline;

import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * Starts the journal's commits at least a gap apart while inputs keep coming, so that one sync
 * covers the inputs of the whole gap.
 *
 * <p>The journal commits whenever it has caught up with the ring. Under a steady stream that is
 * after every one to three inputs, and each commit pays a sync of the file and a handful of page
 * writes: at 6,000 inputs/s, some 2,000 syncs a second and a quarter of a core. With a gap of 2 ms
 * the same inputs take at most 500 commits a second. The gap runs from the start of one commit to
 * the start of the next, so a sync that takes longer than the gap is followed by the next commit at
 * once. A commit that follows a quiet spell (the last one began longer ago than the gap) goes at
 * once, so a single message is acknowledged as fast as before; only under load does an
 * acknowledgement wait, by at most the gap.
 *
 * <p>The wait parks the journal thread. Inputs published meanwhile wait in the ring and are
 * appended after the commit, into the next batch: the engine reads the ring on its own and never
 * waits for the journal.
 *
 * <p>Not thread-safe: the journal's thread only.
 */
final class CommitSpacing {
    /** Never waits: every caught-up batch commits at once. */
    static final long NONE = 0L;

    private final long minGapNanos;
    private final LongSupplier nanoClock;
    private final LongConsumer pause;
    private boolean committedBefore;
    private long lastCommitStartNanos;

    /**
     * @param minGapNanos the least time from one commit to the next, 0 for none
     * @param nanoClock   a monotonic clock ({@code System::nanoTime})
     * @param pause       waits about that many nanoseconds ({@code LockSupport::parkNanos}); may return early
     */
    CommitSpacing(long minGapNanos, LongSupplier nanoClock, LongConsumer pause) {
        if (minGapNanos < 0) {
            throw new IllegalArgumentException("the gap between journal commits cannot be negative, was " + minGapNanos);
        }
        this.minGapNanos = minGapNanos;
        this.nanoClock = nanoClock;
        this.pause = pause;
    }

    /** Waits until the gap since the start of the last commit has passed; returns at once when it has. */
    void awaitTurn() {
        if (minGapNanos == NONE || !committedBefore) {
            return;
        }
        long wait = lastCommitStartNanos + minGapNanos - nanoClock.getAsLong();
        if (wait > 0) {
            pause.accept(wait);
        }
    }

    /** Notes that a commit starts now. */
    void committing() {
        if (minGapNanos != NONE) {
            lastCommitStartNanos = nanoClock.getAsLong();
            committedBefore = true;
        }
    }
}
