package org.infusionwatch.gateway.hl7.fast;

/**
 * A byte range {@code [from, to)} of the message or of the scanner's scratch arena: one value, with
 * no String made for it. A mutable flyweight, reused for every value; not thread-safe.
 */
final class Slice {

    byte[] buf;
    int from;
    int to;

    Slice set(byte[] buffer, int start, int end) {
        if (buf != buffer) {
            // Skips the GC write barrier when the buffer is the same, as it mostly is.
            buf = buffer;
        }
        this.from = start;
        this.to = end;
        return this;
    }

    int length() {
        return to - from;
    }

    boolean isEmpty() {
        return to == from;
    }

    /** Drops leading and trailing bytes up to space, as {@link String#trim()} drops chars up to space. */
    Slice trim() {
        while (from < to && (buf[from] & 0xFF) <= ' ') {
            from++;
        }
        while (to > from && (buf[to - 1] & 0xFF) <= ' ') {
            to--;
        }
        return this;
    }

    boolean equalsAscii(String ascii) {
        if (length() != ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (buf[from + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Case-insensitive comparison with an upper-case ASCII word. Exact for {@link String#equalsIgnoreCase}
     * on the decoded text: no non-ASCII character folds to an ASCII letter of the words compared here.
     */
    boolean equalsIgnoreCaseAscii(String upperAscii) {
        if (length() != upperAscii.length()) {
            return false;
        }
        for (int i = 0; i < upperAscii.length(); i++) {
            int b = buf[from + i];
            if (b >= 'a' && b <= 'z') {
                b -= 'a' - 'A';
            }
            if (b != upperAscii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    boolean startsWith(String ascii) {
        if (length() < ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (buf[from + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    boolean isAscii() {
        for (int i = from; i < to; i++) {
            if (buf[i] < 0) {
                return false;
            }
        }
        return true;
    }
}
