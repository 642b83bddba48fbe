package org.infusionwatch.agent.protocol;

/**
 * Text matching for device labels without allocating: the engine calls these for every pump and
 * ventilator report, so no lower-casing copies and no regular expressions. Stateless.
 */
public final class Labels {
    private Labels() {
    }

    /**
     * True when {@code word} occurs in {@code text}, ignoring case, as a whole word: the characters
     * around it are not letters. So {@code adrenaline} is found in "Adrenaline 5 mg/50 mL" but not
     * in "Noradrenaline 8 mg/50 mL".
     */
    public static boolean containsWord(String text, String word) {
        if (text == null || word.isEmpty()) {
            return false;
        }
        int last = text.length() - word.length();
        for (int i = 0; i <= last; i++) {
            if (text.regionMatches(true, i, word, 0, word.length())
                    && (i == 0 || !Character.isLetter(text.charAt(i - 1)))
                    && (i + word.length() == text.length() || !Character.isLetter(text.charAt(i + word.length())))) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code part} occurs anywhere in {@code text}, ignoring case. */
    public static boolean contains(String text, String part) {
        if (text == null) {
            return false;
        }
        int last = text.length() - part.length();
        for (int i = 0; i <= last; i++) {
            if (text.regionMatches(true, i, part, 0, part.length())) {
                return true;
            }
        }
        return false;
    }

    /** The region {@code [from, to)} of {@code text} equals {@code word}, ignoring case. */
    public static boolean regionEquals(String text, int from, int to, String word) {
        return to - from == word.length() && text.regionMatches(true, from, word, 0, word.length());
    }
}
