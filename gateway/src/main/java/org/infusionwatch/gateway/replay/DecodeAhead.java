package org.infusionwatch.gateway.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a replay's {@link DecodingStage} on a thread of its own, ahead of the engine, and hands the
 * decoded inputs, in recording order, to the thread that applies them. Reading and decoding (the
 * journal, the HL7 scanner, Jackson) are about half of a replay's work and the engine with the
 * event log the other half, so the two halves keep both cores of a small machine busy, while the
 * engine still sees exactly the inputs of a single-threaded replay, in the same order, on one
 * thread.
 *
 * <p>Why batches through an {@link ArrayBlockingQueue} rather than a Disruptor ring like the live
 * agent's: there is one producer and one consumer, the consumer is the calling thread rather than
 * a handler thread the Disruptor would own, and the reader's end or failure must travel in order
 * behind its inputs. With {@value #BATCH_SIZE} inputs per hand-over, the queue's lock and any
 * wake-up are paid once per batch, a few microseconds against milliseconds of decoding and
 * applying, so a ring's cheaper per-item hand-over would not show. Both threads block (never
 * spin) while the other is behind, so neither takes the core the other needs; at most
 * {@value #BATCHES_IN_FLIGHT} batches wait, which bounds the memory the reader can run ahead by.
 *
 * <p>How it ends, whatever happens:
 * <ul>
 *   <li>the reading thread always finishes by handing over {@link DecodedBatch#END} or
 *       {@link DecodedBatch.Failed}, in a {@code finally}, unless the applying side has cancelled
 *       it and so no longer waits;</li>
 *   <li>a failure of the reader (an unreadable journal, a row no decoder knows) is thrown again,
 *       the very same exception, on the applying thread once the inputs decoded before it were
 *       applied: where and as a single-threaded replay would have thrown it;</li>
 *   <li>a failure of the applying side leaves {@link #applyEach}, and the caller's
 *       try-with-resources {@link #close() closes} this, which stops the reader and waits for it, so
 *       that the recording (an open journal) is closed only when no thread reads it any more;</li>
 *   <li>should the reading thread ever die without handing over its end, the applying side notices
 *       within {@value #ALIVE_CHECK_SECONDS} s of waiting and fails rather than waits forever.</li>
 * </ul>
 *
 * <p>Used by one calling thread, once.
 */
final class DecodeAhead implements AutoCloseable {
    /** Inputs per hand-over: large enough to make the queue's cost vanish, small enough to start at once. */
    static final int BATCH_SIZE = 512;
    /** Batches the reader may be ahead of the engine. */
    static final int BATCHES_IN_FLIGHT = 8;
    private static final long ALIVE_CHECK_SECONDS = 1;

    private final BlockingQueue<DecodedBatch> handOver = new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT);
    private final Thread reader;
    /** Set by the applying side when it stops taking batches: the reader then stops and hands nothing more. */
    private volatile boolean cancelled;
    /** The reading thread's batch being filled. */
    private final List<RecordedInput> pending = new ArrayList<>(BATCH_SIZE);
    private boolean applied;

    private DecodeAhead(DecodingStage stage) {
        reader = new Thread(() -> read(stage), "replay-decoder");
        reader.setDaemon(true);
    }

    /** Starts reading and decoding on a new thread. */
    static DecodeAhead start(DecodingStage stage) {
        DecodeAhead ahead = new DecodeAhead(stage);
        ahead.reader.start();
        return ahead;
    }

    /**
     * Passes every decoded input to {@code apply} on the calling thread, in recording order, and
     * returns after the last; throws what the reader threw, after the inputs it decoded before.
     */
    void applyEach(Consumer<RecordedInput> apply) {
        if (applied) {
            throw new IllegalStateException("the inputs were already applied");
        }
        applied = true;
        while (true) {
            DecodedBatch batch = take();
            if (batch instanceof DecodedBatch.Inputs inputs) {
                List<RecordedInput> list = inputs.inputs();
                for (int i = 0; i < list.size(); i++) {
                    apply.accept(list.get(i));
                }
            } else if (batch instanceof DecodedBatch.Failed failed) {
                throw unchanged(failed.cause());
            } else {
                return;
            }
        }
    }

    /** Stops the reader if it still runs and waits until it has: after this no thread reads the recording. */
    @Override
    public void close() {
        cancelled = true;
        reader.interrupt();
        boolean interrupted = false;
        while (true) {
            try {
                reader.join();
                break;
            } catch (InterruptedException e) {
                // A cancelled reader stops at its next batch at the latest; wait for it all the same.
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private DecodedBatch take() {
        try {
            while (true) {
                DecodedBatch batch = handOver.poll(ALIVE_CHECK_SECONDS, TimeUnit.SECONDS);
                if (batch != null) {
                    return batch;
                }
                if (!reader.isAlive()) {
                    // All it handed over before dying is visible now; anything left is taken first.
                    batch = handOver.poll();
                    if (batch == null) {
                        throw new IllegalStateException("the replay's decoding thread stopped without an end");
                    }
                    return batch;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replay interrupted", e);
        }
    }

    /** A Throwable as it can be thrown again: the same object unless it is a checked exception. */
    private static RuntimeException unchanged(Throwable cause) {
        if (cause instanceof RuntimeException e) {
            return e;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        // Only reachable by a stage that throws a checked exception undeclared.
        return new IllegalStateException(cause);
    }

    // ---- on the reading thread ----

    private void read(DecodingStage stage) {
        DecodedBatch last = null;
        try {
            stage.decodeInto(this::add);
            last = DecodedBatch.END;
        } catch (Throwable t) {
            last = new DecodedBatch.Failed(t);
        } finally {
            handOverTheRest(last);
        }
    }

    private void add(RecordedInput input) {
        pending.add(input);
        if (pending.size() == BATCH_SIZE) {
            if (cancelled) {
                throw new Cancelled();
            }
            try {
                handOver.put(new DecodedBatch.Inputs(pending));
            } catch (InterruptedException e) {
                // Only close() interrupts this thread.
                throw new Cancelled();
            }
            pending.clear();
        }
    }

    /**
     * The inputs decoded since the last full batch, then {@code last}: a failure comes after every
     * input decoded before it. Nothing once cancelled, since nobody takes it.
     */
    private void handOverTheRest(DecodedBatch last) {
        if (cancelled || last == null) {
            return;
        }
        try {
            if (!pending.isEmpty()) {
                handOver.put(new DecodedBatch.Inputs(pending));
            }
            handOver.put(last);
        } catch (InterruptedException e) {
            // Cancelled meanwhile: nobody waits for it.
        }
    }

    /** Unwinds the reading thread once the applying side has stopped. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("replay cancelled", null, false, false);
        }
    }
}
