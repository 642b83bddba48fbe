package org.infusionwatch.agent.pipeline;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * Starts a handler's batches at least a gap apart while inputs keep coming, so that one wake-up
 * (or one sync) covers the inputs of the whole gap.
 *
 * <p>A handler that has caught up with the ring parks until the next input is published. Under a
 * steady stream that is after every one to three inputs, so a handler that reads every input
 * wakes several thousand times a second, and on a two-core box each of those wake-ups competes
 * with the alert path for a core. Spaced, the same handler wakes about once per gap and reads what
 * came meanwhile in one batch. The journal uses it between commits (one file sync per gap); the
 * output stage and the view observer, which nobody waits for at sub-millisecond scale, use it
 * between batches.
 *
 * <p>The gap runs from the start of one batch to the start of the next, so a batch that takes
 * longer than the gap is followed by the next at once. A batch after a quiet spell (the last one
 * began longer ago than the gap) goes at once, so a lone input is handled as fast as without a
 * gap; only under load does an input wait, by at most the gap.
 *
 * <p>The wait parks the handler's thread. Inputs published meanwhile wait in the ring; the engine
 * reads the ring on its own and never waits for a spaced handler.
 *
 * <p>Not thread-safe: one handler's thread only.
 */
final class BatchSpacing {
    /** Never waits: every caught-up batch goes at once. */
    static final long NONE = 0L;

    private final long minGapNanos;
    private final LongSupplier nanoClock;
    private final LongConsumer pause;
    private boolean startedBefore;
    private long lastStartNanos;

    /**
     * @param minGapNanos the least time from the start of one batch to the next, 0 for none
     * @param nanoClock   a monotonic clock ({@code System::nanoTime})
     * @param pause       waits about that many nanoseconds ({@code LockSupport::parkNanos}); may return early
     */
    BatchSpacing(long minGapNanos, LongSupplier nanoClock, LongConsumer pause) {
        if (minGapNanos < 0) {
            throw new IllegalArgumentException("the gap between batches cannot be negative, was " + minGapNanos);
        }
        this.minGapNanos = minGapNanos;
        this.nanoClock = nanoClock;
        this.pause = pause;
    }

    /** A spacing on the system's monotonic clock that parks the calling thread. */
    static BatchSpacing ofMicros(long minGapMicros) {
        return new BatchSpacing(TimeUnit.MICROSECONDS.toNanos(minGapMicros), System::nanoTime, LockSupport::parkNanos);
    }

    /** Waits until the gap since the start of the last batch has passed; returns at once when it has. */
    void awaitTurn() {
        if (minGapNanos == NONE || !startedBefore) {
            return;
        }
        long wait = lastStartNanos + minGapNanos - nanoClock.getAsLong();
        if (wait > 0) {
            pause.accept(wait);
        }
    }

    /** Notes that a batch starts now. */
    void starting() {
        if (minGapNanos != NONE) {
            lastStartNanos = nanoClock.getAsLong();
            startedBefore = true;
        }
    }
}
