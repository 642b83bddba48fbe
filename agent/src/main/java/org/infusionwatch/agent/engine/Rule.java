package org.infusionwatch.agent.engine;

import org.infusionwatch.agent.model.EventCode;

/**
 * One event's definition, evaluated in event time over a bed's state for one infusion. The engine
 * asks only while the event is not yet flagged for that infusion; a rule returns null (without
 * allocating) when there is nothing to flag, and builds the evidence only when there is.
 *
 * <p>Rules are stateless between calls (scratch fields at most) and owned by the engine thread.
 */
interface Rule {
    EventCode event();

    /** The event's finding for this infusion, or null. Called with {@code bed.nowMs >= infusion.onsetMs}. */
    Finding evaluate(BedState bed, Infusion infusion);
}
