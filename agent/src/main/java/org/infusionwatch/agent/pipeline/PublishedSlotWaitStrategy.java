package org.infusionwatch.agent.pipeline;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * A blocking wait strategy for a multi-producer ring on a small machine. It differs from the
 * Disruptor's {@code BlockingWaitStrategy} in three ways that matter on two cores:
 * <ul>
 *   <li>it blocks until the slot a handler wants is <em>published</em>, not merely claimed. With
 *       several producers the cursor moves when a slot is claimed; an edge thread descheduled
 *       between claim and publish would otherwise leave every handler spinning on the gap, taking
 *       the very core the edge thread needs to finish;</li>
 *   <li>a waiting handler parks its own thread, and a publish unparks only the handlers that are
 *       parked. There is no shared lock: with a monitor, every publish took it, and every
 *       handler woken by {@code notifyAll} had to take it again, one after the other, before it
 *       could look at the ring, so the engine could wait behind the journal and the views;</li>
 *   <li>a handler that follows another (the output after the engine) spins briefly, then yields,
 *       then parks for {@value #PARK_NS} ns at a time while the one it follows works, instead of
 *       spinning for as long as that takes.</li>
 * </ul>
 * An idle ring costs no CPU: every handler is parked until a publish wakes it. As a safety net
 * a parked handler also looks again every {@value #RECHECK_NS} ns; {@link #missedWakeUps()}
 * counts the times that found its slot published, which the protocol below makes impossible.
 *
 * <p>The hand-over: a handler announces itself parked, then checks its slot, then parks; a
 * producer makes its slot available, then looks for parked handlers. A full fence sits between
 * the write and the read on both sides, so at least one of the two sees the other's write: the
 * handler sees the slot, or the producer sees the handler and unparks it.
 *
 * <p>Thread-safe. {@link #watch} must be called with the ring before the handlers start; at most
 * {@value #MAX_HANDLERS} handler threads may wait on one strategy.
 */
public final class PublishedSlotWaitStrategy implements WaitStrategy {
    static final int MAX_HANDLERS = 16;
    static final long RECHECK_NS = 1_000_000_000L;
    private static final int SPINS = 100;
    private static final int YIELDS = 100;
    private static final long PARK_NS = 20_000L;

    /** Per handler thread: the thread while it is parked or about to park, else null. */
    private final AtomicReferenceArray<Thread> parked = new AtomicReferenceArray<>(MAX_HANDLERS);
    private final AtomicInteger handlers = new AtomicInteger();
    private final ThreadLocal<Integer> handlerIndex = ThreadLocal.withInitial(this::register);
    private final AtomicLong missedWakeUps = new AtomicLong();
    private volatile RingBuffer<?> ring;

    /** Tells the strategy which ring's slots it waits for; the Disruptor builds the ring after the strategy. */
    public void watch(RingBuffer<?> ring) {
        this.ring = ring;
    }

    @Override
    public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
            throws AlertException, InterruptedException {
        if (!published(sequence, cursor)) {
            parkUntilPublished(sequence, cursor, barrier);
        }
        long available;
        int rounds = 0;
        while ((available = dependentSequence.get()) < sequence) {
            barrier.checkAlert();
            if (rounds < SPINS) {
                Thread.onSpinWait();
            } else if (rounds < SPINS + YIELDS) {
                Thread.yield();
            } else {
                LockSupport.parkNanos(PARK_NS);
            }
            rounds++;
        }
        return available;
    }

    private void parkUntilPublished(long sequence, Sequence cursor, SequenceBarrier barrier)
            throws AlertException, InterruptedException {
        int me = handlerIndex.get();
        Thread self = Thread.currentThread();
        try {
            while (true) {
                barrier.checkAlert();
                parked.set(me, self);
                VarHandle.fullFence();
                if (published(sequence, cursor)) {
                    return;
                }
                long parkedAt = System.nanoTime();
                LockSupport.parkNanos(this, RECHECK_NS);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                if (System.nanoTime() - parkedAt >= RECHECK_NS && published(sequence, cursor)) {
                    missedWakeUps.incrementAndGet();
                }
            }
        } finally {
            parked.set(me, null);
        }
    }

    private boolean published(long sequence, Sequence cursor) {
        return cursor.get() >= sequence && ring.isAvailable(sequence);
    }

    @Override
    public void signalAllWhenBlocking() {
        VarHandle.fullFence();
        int n = Math.min(handlers.get(), MAX_HANDLERS);
        for (int i = 0; i < n; i++) {
            Thread waiting = parked.get(i);
            if (waiting != null) {
                LockSupport.unpark(waiting);
            }
        }
    }

    /**
     * Times a parked handler found its slot published only when it looked again by itself: a
     * publish whose wake-up was lost. Zero unless the hand-over above is broken.
     */
    public long missedWakeUps() {
        return missedWakeUps.get();
    }

    private int register() {
        int index = handlers.getAndIncrement();
        if (index >= MAX_HANDLERS) {
            throw new IllegalStateException("more than " + MAX_HANDLERS + " handler threads wait on one ring");
        }
        return index;
    }
}
