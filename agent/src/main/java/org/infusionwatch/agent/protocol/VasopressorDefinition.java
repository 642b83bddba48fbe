package org.infusionwatch.agent.protocol;

import java.util.List;

/**
 * VASOPRESSOR_ESCALATION: a dose raised to a threshold of the table, or a third vasopressor added,
 * held for {@code holdMs}. Immutable.
 *
 * @param drugs       the table, in file order; a pump label is given to the first row it matches
 * @param comparison  {@code >=} or {@code >} against each threshold
 * @param thirdAgent  whether "a third vasopressor added" counts
 * @param holdMs      how long a dose (or the third agent) must hold before it counts
 */
public record VasopressorDefinition(List<VasopressorDrug> drugs, Comparison comparison, boolean thirdAgent, long holdMs) {
    public VasopressorDefinition {
        drugs = List.copyOf(drugs);
    }

    /** Index of the first drug whose labels match, or -1 when the label names no vasopressor. */
    public int drugIndexOf(String drugLabel) {
        for (int i = 0; i < drugs.size(); i++) {
            if (drugs.get(i).matches(drugLabel)) {
                return i;
            }
        }
        return -1;
    }
}
