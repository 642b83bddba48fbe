package org.infusionwatch.sims.load;

import java.util.concurrent.locks.LockSupport;

/**
 * When each message on one MLLP connection was due, in the order they were written, for the
 * thread that reads the ACKs (which come back in the same order). One writer and one reader, a
 * ring of {@code long}s: the driver adds thousands a second, and a {@code ConcurrentLinkedQueue}
 * of boxed {@code Long}s cost it a node and a box per message and a contended CAS.
 *
 * <p>A full ring means the gateway has left {@link #CAPACITY} messages on this connection
 * unanswered; the driver then waits for the reader, as its socket would make it wait soon after.
 * The wait still counts against the gateway: latencies run from when each message was due.
 */
final class DueTimes {
    /** Minutes of one connection's traffic at the load; a power of two. */
    static final int CAPACITY = 1 << 14;
    private static final int MASK = CAPACITY - 1;

    private final long[] due = new long[CAPACITY];
    /** Next slot to write; only the writer changes it. */
    private volatile long tail;
    /** Next slot to read; only the reader changes it. */
    private volatile long head;

    /** Adds one due time; waits while the ring is full. Writer only. */
    void add(long dueNanos) {
        long t = tail;
        while (t - head >= CAPACITY) {
            LockSupport.parkNanos(100_000);
        }
        due[(int) (t & MASK)] = dueNanos;
        tail = t + 1; // volatile write publishes the slot
    }

    /** Takes the oldest due time, or returns {@code Long.MIN_VALUE} when there is none. Reader only. */
    long poll() {
        long h = head;
        if (h == tail) {
            return Long.MIN_VALUE;
        }
        long value = due[(int) (h & MASK)];
        head = h + 1;
        return value;
    }
}
