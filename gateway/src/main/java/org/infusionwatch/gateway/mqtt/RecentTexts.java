package org.infusionwatch.gateway.mqtt;

/**
 * The short texts device payloads repeat message after message (reference ids such as
 * {@code MDC_PULS_OXIM_SAT_O2}, units, ventilation modes, drug labels), kept so that reading one
 * from the parser's buffer returns the {@code String} made last time instead of a new copy.
 *
 * <p>Direct-mapped: a text has one slot, chosen by its hash, and a different text landing there
 * replaces it; so the cache stays small and a device's own vocabulary stays in it. Texts longer
 * than {@link #LONGEST} characters are not kept (they are rarely repeated).
 *
 * <p>Not thread-safe: one per {@link ObservationReportReader}, which is confined to a thread.
 */
final class RecentTexts {
    private static final int SLOTS = 512;
    private static final int LONGEST = 64;

    private final String[] slots = new String[SLOTS];

    /** A string equal to {@code length} characters of {@code chars} from {@code offset}. */
    String of(char[] chars, int offset, int length) {
        if (length > LONGEST) {
            return new String(chars, offset, length);
        }
        int hash = 0;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + chars[i];
        }
        int slot = (hash ^ (hash >>> 15)) & (SLOTS - 1);
        String cached = slots[slot];
        if (cached != null && sameText(cached, chars, offset, length)) {
            return cached;
        }
        String text = new String(chars, offset, length);
        slots[slot] = text;
        return text;
    }

    private static boolean sameText(String text, char[] chars, int offset, int length) {
        if (text.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (text.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
