package org.infusionwatch.gateway.hl7.fast;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns value bytes into Strings, reusing the String made for the same short bytes before.
 * A device repeats the same reference ids, units, device ids and often the same values in every
 * report, so most Strings of a report come from here without allocation. Direct-mapped and
 * bounded; a collision just replaces the entry. Strings are immutable, so sharing them between
 * reports (and threads) is safe.
 *
 * <p>One per decoder; not thread-safe.
 */
final class StringCache {

    private static final int SLOTS = 1024;
    private static final int MAX_CACHED_LENGTH = 48;

    private final byte[][] keys = new byte[SLOTS][];
    private final String[] values = new String[SLOTS];
    private final Charset[] charsets = new Charset[SLOTS];

    /**
     * @throws Fallback when the bytes are not valid in {@code charset} (HAPI would read U+FFFD)
     */
    String get(Slice s, Charset charset) {
        int length = s.length();
        if (length == 0) {
            return "";
        }
        if (length > MAX_CACHED_LENGTH) {
            return create(s, charset);
        }
        byte[] buf = s.buf;
        int slot = slot(buf, s.from, s.to);
        byte[] key = keys[slot];
        if (key != null && charsets[slot] == charset && same(key, buf, s.from, s.to)) {
            return values[slot];
        }
        String value = create(s, charset);
        keys[slot] = Arrays.copyOfRange(buf, s.from, s.to);
        values[slot] = value;
        charsets[slot] = charset;
        return value;
    }

    /**
     * Length and the last eight bytes (ids, codes and units of one device differ at their end) plus
     * the first; the full comparison decides.
     */
    private static int slot(byte[] buf, int from, int to) {
        int hash = (to - from) * 31 + buf[from];
        for (int i = Math.max(from + 1, to - 8); i < to; i++) {
            hash = hash * 31 + buf[i];
        }
        return (hash ^ (hash >>> 10) ^ (hash >>> 20)) & (SLOTS - 1);
    }

    /** Byte by byte: the values are short, shorter than what pays for a vectorized comparison. */
    private static boolean same(byte[] key, byte[] buf, int from, int to) {
        if (key.length != to - from) {
            return false;
        }
        for (int i = 0; i < key.length; i++) {
            if (key[i] != buf[from + i]) {
                return false;
            }
        }
        return true;
    }

    /** A String that is not kept (unique values such as a control id, long texts). */
    static String create(Slice s, Charset charset) {
        String value = new String(s.buf, s.from, s.length(), charset);
        if (charset != StandardCharsets.ISO_8859_1 && value.indexOf('\uFFFD') >= 0) {
            throw Fallback.of(Fallback.Reason.CHARSET);
        }
        char last = value.charAt(value.length() - 1);
        if (last == '\u0085' || last == '\u2028' || last == '\u2029') {
            // HAPI right-trims TX values with \\s+$, and '$' also matches before a final line
            // terminator of these kinds: such a value may lose the space before it there, not here.
            throw Fallback.of(Fallback.Reason.WHITESPACE);
        }
        return value;
    }
}
