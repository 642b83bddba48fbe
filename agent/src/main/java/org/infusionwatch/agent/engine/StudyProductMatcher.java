package org.infusionwatch.agent.engine;

import java.util.Locale;

/**
 * Recognises the study product from a pump's drug label. The label is blinded (identical for
 * active product and placebo), so matching it reveals nothing about the arm. Default: labels that
 * start with {@code STUDY}, case-insensitive.
 */
public final class StudyProductMatcher {
    private final String prefix;

    public StudyProductMatcher(String prefix) {
        this.prefix = prefix.toUpperCase(Locale.ROOT);
    }

    public static StudyProductMatcher defaults() {
        return new StudyProductMatcher("STUDY");
    }

    /** Whether the label, leading blanks aside, starts with the prefix in any case; allocates nothing (called per pump report). */
    public boolean matches(String drugLabel) {
        if (drugLabel == null) {
            return false;
        }
        int start = 0;
        while (start < drugLabel.length() && drugLabel.charAt(start) <= ' ') {
            start++;
        }
        return drugLabel.regionMatches(true, start, prefix, 0, prefix.length());
    }
}
