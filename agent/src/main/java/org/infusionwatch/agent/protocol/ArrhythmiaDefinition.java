package org.infusionwatch.agent.protocol;

/**
 * LETHAL_ARRHYTHMIA: a VT, VF or asystole alarm that was not active in the baseline window.
 * Immutable.
 *
 * @param holdMs           how long the alarm must stay active before it counts (0 = at once)
 * @param doubtfulWithinMs an ECG lead-off or noise condition this close to the alarm's start marks
 *                         the alert doubtful (it is still raised)
 */
public record ArrhythmiaDefinition(long holdMs, long doubtfulWithinMs) {
}
