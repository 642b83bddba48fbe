package org.infusionwatch.agent.pipeline;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;
import java.util.concurrent.locks.LockSupport;

/**
 * A blocking wait strategy for a multi-producer ring on a small machine. It differs from the
 * Disruptor's {@code BlockingWaitStrategy} in two ways that matter on two cores:
 * <ul>
 *   <li>it blocks until the slot a handler wants is <em>published</em>, not merely claimed. With
 *       several producers the cursor moves when a slot is claimed; an edge thread descheduled
 *       between claim and publish would otherwise leave every handler spinning on the gap, taking
 *       the very core the edge thread needs to finish;</li>
 *   <li>a handler that follows another (the output after the engine) spins briefly, then yields,
 *       then parks for {@value #PARK_NS} ns at a time while the one it follows works, instead of
 *       spinning for as long as that takes.</li>
 * </ul>
 * An idle ring costs no CPU: every handler waits on a monitor that {@link #signalAllWhenBlocking}
 * (called by each publish) wakes.
 *
 * <p>Thread-safe. {@link #watch} must be called with the ring before the handlers start.
 */
public final class PublishedSlotWaitStrategy implements WaitStrategy {
    private static final int SPINS = 100;
    private static final int YIELDS = 100;
    private static final long PARK_NS = 20_000L;

    private final Object mutex = new Object();
    private volatile RingBuffer<?> ring;

    /** Tells the strategy which ring's slots it waits for; the Disruptor builds the ring after the strategy. */
    public void watch(RingBuffer<?> ring) {
        this.ring = ring;
    }

    @Override
    public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
            throws AlertException, InterruptedException {
        if (!published(sequence, cursor)) {
            synchronized (mutex) {
                while (!published(sequence, cursor)) {
                    barrier.checkAlert();
                    mutex.wait();
                }
            }
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

    private boolean published(long sequence, Sequence cursor) {
        return cursor.get() >= sequence && ring.isAvailable(sequence);
    }

    @Override
    public void signalAllWhenBlocking() {
        synchronized (mutex) {
            mutex.notifyAll();
        }
    }
}
