package org.infusionwatch.agent.engine;

/**
 * Finds, over a bed's histories in event time, the first run of a condition that begins inside an
 * infusion's window and holds for the hold time ("a dose must hold 10 min", "a rise held 15
 * min"). It walks the change points of the condition's inputs from onset, so a late message or a
 * late delivery-start gives the same answer as if everything had come in order, and a run that
 * held and ended before anyone asked is still found. No allocation.
 *
 * <p>Subclasses say what holds at a time and where their inputs change; scratch fields set before
 * a scan are fine since the engine thread owns the rule.
 */
abstract class HeldCondition {
    static final long NONE = Long.MIN_VALUE;

    /**
     * After a scan that found nothing, the bed time from which it could find something with no new
     * input: when a run under way completes its hold, or when a point recorded ahead of the bed's
     * now comes into effect. Reset by the subclass before its scans; the minimum over them.
     */
    long quietUntilMs = Rule.UNTIL_INPUTS_CHANGE;

    /** {@link Rule#quietUntilMs()} for the rules built on held conditions. */
    public long quietUntilMs() {
        return quietUntilMs;
    }

    /** Whether the condition holds with the state in effect at {@code timeMs}. */
    abstract boolean holds(BedState bed, long timeMs);

    /** The first time strictly after {@code timeMs} at which an input of the condition changes. */
    abstract long nextChange(BedState bed, long timeMs);

    /**
     * Start of the first run that begins in {@code [fromMs, latestStartMs]} and has held for
     * {@code holdMs} by the bed's now, or {@link #NONE}.
     */
    final long firstHeldRun(BedState bed, long fromMs, long latestStartMs, long holdMs) {
        long now = bed.nowMs;
        long since = holds(bed, fromMs) ? fromMs : NONE;
        long t = fromMs;
        while (true) {
            long next = nextChange(bed, t);
            boolean noMoreChanges = next > now;
            long end = noMoreChanges ? now : next;
            if (since != NONE && end - since >= holdMs) {
                return since;
            }
            if (noMoreChanges) {
                // Time alone can still complete the run under way, or bring in a point recorded
                // ahead of now (by then a new run's start would be a change the scan must see).
                long completes = since != NONE ? since + holdMs : Rule.UNTIL_INPUTS_CHANGE;
                quietUntilMs = Math.min(quietUntilMs, Math.min(completes, next));
                return NONE;
            }
            if (since == NONE && next > latestStartMs) {
                return NONE;
            }
            if (holds(bed, next)) {
                if (since == NONE) {
                    since = next;
                }
            } else {
                since = NONE;
            }
            t = next;
        }
    }
}
