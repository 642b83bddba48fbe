package org.infusionwatch.gateway.hl7.fast;

import java.util.Arrays;

/**
 * Walks the segments of one message in place. In the single pass that finds the end of a
 * segment it also locates its fields, their component separators, the first repetition
 * separator, and whether a field holds an escape or a subcomponent separator: offsets only, no
 * copies, so reading a component later costs no second scan. Segments end at CR or LF (the HAPI
 * path turns CRLF and LF into CR first); empty segments and fragments shorter than three bytes
 * are skipped, as HAPI skips them.
 *
 * <p>Pieces are numbered as the field separator splits the segment: piece 0 is the name, piece
 * {@code n} is field {@code n}; in MSH piece 1 is MSH-2, so MSH-{@code n} is piece {@code n - 1}.
 * Only the pieces the report reads are located (up to OBX-18); a piece not located reads as
 * empty, so the caller must ask only for those.
 *
 * <p>A reused flyweight; not thread-safe.
 */
final class SegmentCursor {

    static final int MAX_PIECE = 18;
    private static final int MSH = name("MSH");
    private static final int PV1 = name("PV1");
    private static final int OBR = name("OBR");
    private static final int OBX = name("OBX");

    // Byte classes: one table lookup per byte sorts out the few bytes that matter.
    private static final byte PLAIN = 0;
    private static final byte SEGMENT_END = 1;
    private static final byte FIELD = 2;
    private static final byte COMPONENT = 3;
    private static final byte REPETITION = 4;
    private static final byte ESCAPE = 5;
    private static final byte SUBCOMPONENT = 6;

    private final byte[] classes = new byte[256];
    private final byte[] delimiters = new byte[5];
    private byte[] buf;
    private int length;
    private int next;
    private int segmentStart;
    private int segmentEnd;
    private int pieces;
    private final int[] ends = new int[MAX_PIECE + 1];
    private final int[] firstRepetition = new int[MAX_PIECE + 1];
    /** Index in {@link #separators} of each piece's first component separator; one more entry closes the last. */
    private final int[] firstSeparator = new int[MAX_PIECE + 2];
    private int[] separators = new int[64];
    private int separatorCount;
    /** Bit per piece: the piece holds a repetition separator (its first one is in {@link #firstRepetition}). */
    private int repeated;
    private int escaped;
    private int subcomponents;

    SegmentCursor() {
        classes['\r'] = SEGMENT_END;
        classes['\n'] = SEGMENT_END;
    }

    /** Starts on a message whose MSH-1 and MSH-2 are at bytes 3 to 7 (checked by the caller). */
    void reset(byte[] message, int messageLength) {
        this.buf = message;
        this.length = messageLength;
        this.next = 0;
        this.pieces = 0;
        if (!Arrays.equals(delimiters, 0, 5, message, 3, 8)) {
            for (int i = 0; i < 5; i++) {
                classes[delimiters[i] & 0xFF] = PLAIN;
            }
            System.arraycopy(message, 3, delimiters, 0, 5);
            classes['\r'] = SEGMENT_END;
            classes['\n'] = SEGMENT_END;
            classes[message[3] & 0xFF] = FIELD;
            classes[message[4] & 0xFF] = COMPONENT;
            classes[message[5] & 0xFF] = REPETITION;
            classes[message[6] & 0xFF] = ESCAPE;
            classes[message[7] & 0xFF] = SUBCOMPONENT;
        }
    }

    /**
     * Moves to the next segment and locates its pieces: all pieces the report reads of MSH, PV1,
     * OBR and OBX; of other segments only the name (nothing else of them is read).
     *
     * @return false at the end of the message
     * @throws Fallback when a segment starts with whitespace (HAPI strips it and reads on)
     */
    boolean next() {
        while (next < length) {
            int start = next;
            int end = locate(start, lastPieceRead(start));
            next = end + 1;
            if (end == start) {
                continue;
            }
            if (isWhitespace(buf[start])) {
                throw Fallback.of(Fallback.Reason.SEGMENT);
            }
            if (end - start < 3) {
                continue;
            }
            segmentEnd = end;
            return true;
        }
        return false;
    }

    /** The last piece the report reads of the segment starting at {@code start}; 0 for none. */
    private int lastPieceRead(int start) {
        if (start + 3 >= length) {
            return 0;
        }
        int name = (buf[start] & 0xFF) << 16 | (buf[start + 1] & 0xFF) << 8 | (buf[start + 2] & 0xFF);
        if (name == OBX || name == MSH) {
            return MAX_PIECE;
        }
        if (name == OBR) {
            return 7;
        }
        return name == PV1 ? 3 : 0;
    }

    /**
     * Locates pieces 0 to {@code lastPiece} of the segment starting at {@code start}, with their
     * component separators, first repetition separator, escapes and subcomponents; the rest of the
     * segment is only searched for its end.
     *
     * @return the end of the segment (its CR or LF, or the end of the message)
     */
    private int locate(int start, int lastPiece) {
        byte[] bytes = buf;
        byte[] kinds = classes;
        int limit = length;
        int end = start;
        int piece = 0;
        segmentStart = start;
        firstSeparator[0] = 0;
        separatorCount = 0;
        repeated = 0;
        escaped = 0;
        subcomponents = 0;
        located:
        for (; end < limit; end++) {
            byte kind = kinds[bytes[end] & 0xFF];
            if (kind == PLAIN) {
                continue;
            }
            switch (kind) {
                case SEGMENT_END -> {
                    break located;
                }
                case FIELD -> {
                    // Empty fields are frequent (OBX-7..13): two stores per field, starts are derived.
                    ends[piece] = end;
                    if (piece == lastPiece) {
                        end = endOfSegment(end);
                        pieces = piece + 1;
                        firstSeparator[pieces] = separatorCount;
                        return end;
                    }
                    piece++;
                    firstSeparator[piece] = separatorCount;
                }
                case COMPONENT -> {
                    if (separatorCount == separators.length) {
                        separators = Arrays.copyOf(separators, separatorCount * 2);
                    }
                    separators[separatorCount++] = end;
                }
                case REPETITION -> {
                    if ((repeated & (1 << piece)) == 0) {
                        repeated |= 1 << piece;
                        firstRepetition[piece] = end;
                    }
                }
                case ESCAPE -> escaped |= 1 << piece;
                default -> subcomponents |= 1 << piece;
            }
        }
        ends[piece] = end;
        pieces = piece + 1;
        firstSeparator[pieces] = separatorCount;
        return end;
    }

    private int endOfSegment(int from) {
        int end = from;
        while (end < length && buf[end] != '\r' && buf[end] != '\n') {
            end++;
        }
        return end;
    }

    int segmentStart() {
        return segmentStart;
    }

    int segmentEnd() {
        return segmentEnd;
    }

    /** Continues after the segment ending at {@code end} (read by other means). */
    void skipTo(int end) {
        next = end + 1;
    }

    /**
     * The segment name packed as {@code b0 << 16 | b1 << 8 | b2}, or -1 when the name is not exactly
     * three bytes (a longer name, or a field separator at the wrong place).
     */
    int name() {
        if (segmentEnd - segmentStart > 3 && buf[segmentStart + 3] != delimiters[0]) {
            return -1;
        }
        return (buf[segmentStart] & 0xFF) << 16 | (buf[segmentStart + 1] & 0xFF) << 8
                | (buf[segmentStart + 2] & 0xFF);
    }

    static int name(String threeAscii) {
        return threeAscii.charAt(0) << 16 | threeAscii.charAt(1) << 8 | threeAscii.charAt(2);
    }

    /** Number of pieces located in the current segment, the name included. */
    int pieces() {
        return pieces;
    }

    int start(int piece) {
        if (piece >= pieces) {
            return segmentEnd;
        }
        return piece == 0 ? segmentStart : ends[piece - 1] + 1;
    }

    int end(int piece) {
        return piece < pieces ? ends[piece] : segmentEnd;
    }

    /**
     * The first repetition of piece {@code piece} of the current segment, with its components.
     *
     * @throws Fallback when the field holds a subcomponent separator
     */
    FieldView field(int piece, FieldView view) {
        // Reference stores only when they change: the views are long-lived, and each store of a
        // reference into an old object costs a GC write barrier.
        if (view.buf != buf) {
            view.buf = buf;
        }
        if (view.separators != separators) {
            view.separators = separators;
        }
        if (piece >= pieces) {
            view.from = segmentEnd;
            view.to = segmentEnd;
            view.count = 1;
            view.escaped = false;
            return view;
        }
        if ((subcomponents & (1 << piece)) != 0) {
            throw Fallback.of(Fallback.Reason.SUBCOMPONENT);
        }
        int to = (repeated & (1 << piece)) != 0 ? firstRepetition[piece] : ends[piece];
        int first = firstSeparator[piece];
        int last = firstSeparator[piece + 1];
        int count = 1;
        while (first + count - 1 < last && separators[first + count - 1] < to) {
            count++;
        }
        view.from = start(piece);
        view.to = to;
        view.first = first;
        view.count = count;
        view.escaped = (escaped & (1 << piece)) != 0;
        return view;
    }

    /** {@link Character#isWhitespace} for one byte: HAPI strips such a prefix from a segment. */
    static boolean isWhitespace(byte b) {
        return b == ' ' || (b >= 0x09 && b <= 0x0D) || (b >= 0x1C && b <= 0x1F);
    }
}
