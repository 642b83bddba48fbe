package org.infusionwatch.gateway.view;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * What is on its way to the ward view's thread, in the order it was offered, and whether a
 * drain of it is already due. Any thread may offer; one thread drains.
 *
 * <p>The view used to hand every device report to its thread as a task of its own: at the load
 * test's pace, thousands of tasks and hundreds of wake-ups of that thread a second, on the two
 * cores the alert path needs. Offering tells the caller whether it is the one who must ask for a
 * drain; every item offered before a drain begins is in that drain, and one offered after it
 * began asks for the next, so nothing waits for a drain nobody asked for.
 */
final class WardInbox {
    private final ConcurrentLinkedQueue<Object> items = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainAsked = new AtomicBoolean();

    /** Adds an item; returns true when the caller must ask for a drain (none is pending). */
    boolean offer(Object item) {
        items.offer(item);
        return !drainAsked.get() && drainAsked.compareAndSet(false, true);
    }

    /** On the draining thread: hands every item offered so far to {@code into}, oldest first; returns how many. */
    int drain(Consumer<Object> into) {
        // Cleared before polling: an item offered from here on either is polled below or asks for another drain.
        drainAsked.set(false);
        int n = 0;
        for (Object item = items.poll(); item != null; item = items.poll()) {
            into.accept(item);
            n++;
        }
        return n;
    }
}
