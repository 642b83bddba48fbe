package org.infusionwatch.agent.engine;

import org.infusionwatch.agent.model.EventCode;

/**
 * One event's definition, evaluated in event time over a bed's state for one infusion. The engine
 * asks only while the event is not yet flagged for that infusion; a rule returns null (without
 * allocating) when there is nothing to flag, and builds the evidence only when there is.
 *
 * <p>Most reports do not touch what a rule reads (a heart rate says nothing about ventilator
 * settings), and most seconds complete no hold. So a rule also tells the engine when asking again
 * is pointless: {@link #inputsVersion} names the state of everything it reads, and after a null
 * answer {@link #quietUntilMs} says how long, with those inputs unchanged, the answer stays null.
 * The engine skips the rule until either moves. Both must be exact: a skipped question must be one
 * whose answer would have been null.
 *
 * <p>Rules are stateless between calls (scratch fields at most) and owned by the engine thread.
 */
interface Rule {
    /** {@link #quietUntilMs} of a rule whose answer may change with time alone at any moment. */
    long ASK_AGAIN = Long.MIN_VALUE;
    /** {@link #quietUntilMs} of a rule whose answer changes only with its inputs. */
    long UNTIL_INPUTS_CHANGE = Long.MAX_VALUE;

    EventCode event();

    /** The event's finding for this infusion, or null. Called with {@code bed.nowMs >= infusion.onsetMs}. */
    Finding evaluate(BedState bed, Infusion infusion);

    /** A number that moves whenever anything this rule reads at {@code bed} changes (not time). */
    long inputsVersion(BedState bed);

    /**
     * After {@link #evaluate} returned null: the bed time before which, with the same inputs, it
     * would return null again ({@link #UNTIL_INPUTS_CHANGE} or {@link #ASK_AGAIN} at the extremes).
     */
    long quietUntilMs();

    /**
     * True when {@link #inputsVersion} moves only with {@link BedState#ruleInputChanges()}, so the
     * engine can pass over a whole infusion while that summary stands still. False for a rule that
     * reads what changes with almost every report (when each device last reported).
     */
    default boolean followsBedSummary() {
        return true;
    }
}
