package org.infusionwatch.agent.protocol;

import java.util.List;
import java.util.Objects;

/**
 * One row of a profile's vasopressor table. Immutable.
 *
 * @param name      stable name, e.g. {@code NOREPINEPHRINE}
 * @param labels    words that recognise the drug in a pump's MDC_DRUG_NAME_LABEL, synonyms included
 *                  (norepinephrine, noradrenaline); matched as whole words, ignoring case
 * @param threshold the escalation threshold in {@code unit}; NaN for {@link DoseUnit#NONE}
 * @param unit      unit of the threshold
 */
public record VasopressorDrug(String name, List<String> labels, double threshold, DoseUnit unit) {
    public VasopressorDrug {
        Objects.requireNonNull(name, "name");
        labels = List.copyOf(labels);
        Objects.requireNonNull(unit, "unit");
    }

    /** True when the pump label names this drug. */
    public boolean matches(String drugLabel) {
        for (int i = 0; i < labels.size(); i++) {
            if (Labels.containsWord(drugLabel, labels.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** True when the drug has a dose threshold (it is not only counted). */
    public boolean hasThreshold() {
        return unit != DoseUnit.NONE;
    }
}
