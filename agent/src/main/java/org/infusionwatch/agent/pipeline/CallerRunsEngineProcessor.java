package org.infusionwatch.agent.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventProcessor;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.Sequencer;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs the engine handler on whichever thread finds the engine idle: usually the edge thread that
 * has just published a device report, so the report meets the rules without waiting for another
 * thread to wake up. On a busy machine that wake-up (the engine thread waiting for a core) was most
 * of an alert's time in the gateway.
 *
 * <p>The engine stays single-writer: a thread runs the handler only while it holds {@link #busy}.
 * A thread that finds it held leaves its input to the holder, which looks for published inputs
 * again after letting go (a full fence on both sides, as in {@link PublishedSlotWaitStrategy}, so
 * the holder sees the input or the publisher gets the engine). An edge thread runs at most
 * {@value #MAX_ON_CALLER} inputs at a time, so that a backlog cannot keep it from its own socket;
 * beyond that it wakes the engine thread, which then works through the backlog. Inputs whose
 * publisher must not run the engine (ticks, people's entries and actions: their threads are not on
 * the alert path, and {@code --realtime} does not raise them) also go to the engine thread.
 *
 * <p>The engine thread parks while nobody hands it work, and, as a safety net, looks again every
 * {@value #RECHECK_NS} ns; {@link #missedHandOvers()} counts the times that found inputs waiting,
 * which the protocol makes impossible.
 */
final class CallerRunsEngineProcessor implements EventProcessor, EngineHandOver {
    /** Inputs an edge thread runs through the engine before it leaves the rest to the engine thread. */
    static final int MAX_ON_CALLER = 64;
    /** Inputs the engine thread runs before it looks at {@link #halt} again; it does not park while more wait. */
    private static final int ENGINE_THREAD_ROUND = 4096;
    static final long RECHECK_NS = 1_000_000_000L;

    private final RingBuffer<InboundEvent> ring;
    private final EventHandler<InboundEvent> handler;
    private final ExceptionHandler<? super InboundEvent> errors;
    private final Sequence sequence = new Sequence(Sequencer.INITIAL_CURSOR_VALUE);
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong onCaller = new AtomicLong();
    private final AtomicLong missedHandOvers = new AtomicLong();
    private volatile boolean halted;
    private volatile Thread engineThread;

    CallerRunsEngineProcessor(RingBuffer<InboundEvent> ring, EventHandler<InboundEvent> handler,
                              ExceptionHandler<? super InboundEvent> errors) {
        this.ring = ring;
        this.handler = handler;
        this.errors = errors;
    }

    /** The engine thread: works through what publishers hand it, parks in between. */
    @Override
    public void run() {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("already running");
        }
        engineThread = Thread.currentThread();
        try {
            handler.onStart();
        } catch (Throwable ex) {
            errors.handleOnStartException(ex);
        }
        try {
            while (!halted) {
                if (runPublished(ENGINE_THREAD_ROUND)) {
                    continue;
                }
                long parkedAt = System.nanoTime();
                LockSupport.parkNanos(this, RECHECK_NS);
                if (!halted && System.nanoTime() - parkedAt >= RECHECK_NS && !busy.get() && waiting()) {
                    missedHandOvers.incrementAndGet();
                }
            }
        } finally {
            try {
                handler.onShutdown();
            } catch (Throwable ex) {
                errors.handleOnShutdownException(ex);
            }
            running.set(false);
        }
    }

    /** On the publishing thread: runs the engine here if it is idle. */
    @Override
    public void afterEdgeInput() {
        VarHandle.fullFence();
        if (halted) {
            return;
        }
        if (runPublished(MAX_ON_CALLER)) {
            LockSupport.unpark(engineThread);
        }
    }

    /** The publishing thread must not run the engine: wakes the engine thread. */
    @Override
    public void afterOtherInput() {
        Thread t = engineThread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /**
     * Runs published inputs through the handler, at most {@code limit}, for as long as this thread
     * can take the engine and finds inputs; returns whether it stopped at the limit with inputs left.
     */
    private boolean runPublished(int limit) {
        int ran = 0;
        while (busy.compareAndSet(false, true)) {
            try {
                ran += runBatch(limit - ran);
            } finally {
                busy.set(false);
            }
            VarHandle.fullFence();
            if (!waiting()) {
                return false;
            }
            if (ran >= limit) {
                return true;
            }
        }
        return false;
    }

    /** Holding the engine: runs the published inputs that follow the last one run, up to {@code limit}. */
    private int runBatch(int limit) {
        long next = sequence.get() + 1;
        long last = next - 1;
        long cursor = ring.getCursor();
        while (last < cursor && last - next + 1 < limit && ring.isAvailable(last + 1)) {
            last++;
        }
        for (long s = next; s <= last; s++) {
            InboundEvent e = ring.get(s);
            try {
                handler.onEvent(e, s, s == last);
            } catch (Throwable ex) {
                errors.handleEventException(ex, s, e);
            }
        }
        int ran = (int) (last - next + 1);
        if (ran > 0) {
            sequence.set(last);
            if (Thread.currentThread() != engineThread) {
                onCaller.addAndGet(ran);
            }
        }
        return ran;
    }

    /** Whether a published input waits for the engine. */
    private boolean waiting() {
        long next = sequence.get() + 1;
        return ring.getCursor() >= next && ring.isAvailable(next);
    }

    /** Inputs the engine ran on a publishing edge thread rather than its own. */
    long ranOnCallers() {
        return onCaller.get();
    }

    /** Times the engine thread found inputs waiting only when it looked by itself; zero unless the hand-over is broken. */
    long missedHandOvers() {
        return missedHandOvers.get();
    }

    @Override
    public Sequence getSequence() {
        return sequence;
    }

    @Override
    public void halt() {
        halted = true;
        Thread t = engineThread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }
}
